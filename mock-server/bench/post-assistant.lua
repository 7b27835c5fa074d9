-- wrk script: POST /api/v1/assistants with the minimal documented body.
wrk.method = "POST"
wrk.body = '{"name":"Support Agent"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer fl_bench"
