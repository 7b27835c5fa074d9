package dev.flireo.testkit.simulator;

/** The report's inline style sheet: a quiet page where green and red carry the meaning. */
final class HtmlStyle {

    static final String CSS = """
        :root{--pass:#1f9d55;--fail:#d64545;--retry:#e0a100;--ink:#1d2733;--muted:#667585;--line:#e3e8ee;
          --bg:#f6f8fa;--card:#fff;--agent:#e8f1fd;--caller:#eef0f3}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        section,footer{max-width:1100px;margin:0 auto;padding:0 24px}
        h2{font-size:18px;margin:32px 0 8px}
        h3{font-size:16px;margin:0 0 6px}
        h4{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:14px 0 4px}
        code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace}
        .banner{display:flex;gap:28px;align-items:center;padding:28px max(24px,calc(50% - 526px));color:#fff}
        .banner.pass{background:linear-gradient(120deg,#17834a,#24a862)}
        .banner.fail{background:linear-gradient(120deg,#b53232,#e05a4f)}
        .banner h1{margin:0;font-size:26px}
        .banner p{margin:4px 0}
        .verdict{font-size:28px;font-weight:800;letter-spacing:.04em;white-space:nowrap;padding:14px 20px;
          border:2px solid rgba(255,255,255,.7);border-radius:12px}
        .meta{display:flex;flex-wrap:wrap;gap:6px}
        .chip{font-size:12px;padding:2px 9px;border-radius:999px;background:rgba(0,0,0,.07)}
        .banner .chip{background:rgba(255,255,255,.18)}
        .chip b{font-weight:600;opacity:.75}
        .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:12px;margin-top:20px}
        .figure{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
        .figure strong{display:block;font-size:24px}
        .figure span{color:var(--muted);font-size:13px}
        .figure.good strong{color:var(--pass)}
        .figure.bad strong{color:var(--fail)}
        .hint{color:var(--muted);font-size:13px;margin:0 0 10px}
        .timeline{width:100%;height:auto;background:var(--card);border:1px solid var(--line);border-radius:10px}
        .timeline .grid{stroke:var(--line)}
        .timeline .tick{font-size:11px;fill:var(--muted);text-anchor:middle}
        .timeline .lane{font-size:12px;fill:var(--ink)}
        .timeline .span{stroke:#b9c3ce;stroke-width:3;stroke-linecap:round}
        .timeline .mark circle{stroke:#fff;stroke-width:2}
        .timeline .mark text{font-size:10px;fill:var(--muted);text-anchor:middle}
        .timeline .mark.pass circle{fill:var(--pass)}
        .timeline .mark.fail circle{fill:var(--fail)}
        .timeline .mark.retry circle{fill:var(--retry)}
        .timeline .mark.warn circle{fill:var(--retry)}
        .timeline .mark.noted circle{stroke:var(--ink);stroke-dasharray:3 2}
        .failures{background:#fff5f5;border:1px solid #f3c4c4;border-radius:10px;padding:12px 12px 12px 32px;margin:0}
        .failures li{margin:3px 0}
        .rows{background:var(--card);border:1px solid var(--line);border-radius:10px;overflow:hidden}
        .row{border-top:1px solid var(--line)}
        .row:first-child{border-top:0}
        .row summary{display:grid;grid-template-columns:14px 58px 96px minmax(180px,1.3fr) 40px 120px 64px 2fr;
          gap:10px;align-items:center;padding:7px 12px;cursor:pointer;list-style:none;font-size:13px}
        .row summary::-webkit-details-marker{display:none}
        .row summary:hover{background:#fafbfc}
        .dot{display:inline-block;width:10px;height:10px;border-radius:50%;background:var(--pass)}
        .fail .dot{background:var(--fail)}
        .retry .dot{background:var(--retry)}
        .warn .dot{background:var(--retry)}
        .figure.warn strong{color:var(--retry)}
        .warnings{background:#fffaeb;border:1px solid #f0d98c;border-radius:10px;padding:12px 12px 12px 32px;margin:0}
        .call,.when,.ms,.code{color:var(--muted);font-variant-numeric:tabular-nums}
        .what em{color:var(--retry);font-style:normal;font-size:12px}
        .bar{height:8px;border-radius:4px;background:#edf0f3;position:relative;overflow:hidden}
        .bar i{position:absolute;left:0;top:0;bottom:0;background:var(--pass);border-radius:4px}
        .fail .bar i{background:var(--fail)}
        .retry .bar i{background:var(--retry)}
        .fail .why{color:var(--fail)}
        .exchange{display:grid;grid-template-columns:1fr 1fr;gap:12px;padding:0 12px 12px}
        .exchange pre{margin:0;background:#0f1720;color:#dce3ea;border-radius:8px;padding:10px;font-size:12px;
          overflow:auto;max-height:360px;white-space:pre-wrap;word-break:break-word}
        .probes{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:10px}
        .probes th,.probes td{text-align:left;padding:7px 10px;border-top:1px solid var(--line);font-size:13px}
        .probes th{color:var(--muted);font-weight:600;border-top:0}
        .probes tr.fail td{color:var(--fail)}
        .calls{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:14px}
        .callcard{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
        .chat{display:flex;flex-direction:column;gap:6px;margin-top:10px}
        .chat p{margin:0;padding:7px 11px;border-radius:12px;max-width:85%;font-size:14px}
        .chat b{display:block;font-size:11px;color:var(--muted);font-weight:600}
        .chat .agent{background:var(--agent);align-self:flex-start;border-bottom-left-radius:3px}
        .chat .caller{background:var(--caller);align-self:flex-end;border-bottom-right-radius:3px}
        .analysis{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0;font-size:14px}
        .analysis dt{color:var(--muted)}
        .analysis dd{margin:0}
        footer{color:var(--muted);font-size:12px;padding:32px 24px}
        """;

    private HtmlStyle() {}
}
