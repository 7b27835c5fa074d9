package dev.flireo.testkit.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What one simulated call was, for the report: its data, transcript, summary and analysis. */
record CallRecord(int number, CallData data, List<ChatMessage> transcript, String summary, ObjectNode analysis) {}
