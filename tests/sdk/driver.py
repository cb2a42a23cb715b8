"""What the client scripts share: read the spec from argv[1], run each request, print the outcomes.

Spec: {"base_url", "requests": [{"prompt", "stream", "model"?, "max_tokens"?}], "max_retries"?}
(max_retries defaults to 0). Output, one JSON object on stdout: {"sdk", "version", "results"},
one result per request, either {"ok": true, "text", "deltas", "model", "finish_reason", ...} or
{"ok": false, "exception", "classes" (its class hierarchy), "status", "message", "body"}.
Nothing is asserted here; the Rust test does that.
"""

import json
import sys


def chat_args(req, default_model):
    """The arguments both SDKs take for a one-message chat."""
    return dict(
        model=req.get("model", default_model),
        max_tokens=req.get("max_tokens", 64),
        messages=[{"role": "user", "content": req["prompt"]}],
    )


def failure(sdk, e):
    if isinstance(e, sdk.APIError):
        name = f"{sdk.__name__}.{type(e).__name__}"
    else:
        name = f"{type(e).__module__}.{type(e).__name__}"
    status_error = isinstance(e, sdk.APIStatusError)
    return {
        "ok": False,
        "exception": name,
        "classes": [c.__name__ for c in type(e).__mro__],
        "status": e.status_code if status_error else None,
        "message": str(e) if status_error else f"{e} (cause: {e.__cause__!r})",
        "body": e.body if status_error else None,
    }


def main(sdk, make_client, run):
    """`make_client(base_url, max_retries)` builds the SDK client; `run(client, request)`
    returns the answer's fields or raises."""
    spec = json.loads(sys.argv[1])
    client = make_client(spec["base_url"], spec.get("max_retries", 0))
    results = []
    for req in spec["requests"]:
        try:
            results.append({"ok": True, **run(client, req)})
        except Exception as e:  # reported, not raised: the test asserts on it
            results.append(failure(sdk, e))
    json.dump({"sdk": sdk.__name__, "version": sdk.__version__, "results": results}, sys.stdout)
