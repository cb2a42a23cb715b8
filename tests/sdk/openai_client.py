"""Drive the official `openai` SDK for tests/sdk.rs: chat completions, plain and streamed.

    python openai_client.py '{"base_url": "...", "requests": [{"prompt": "...", "stream": true}]}'

Spec and output: driver.py; answers carry "text", "deltas" (streams), "model", "finish_reason"
and "system_fingerprint". Proxying and CA trust come from the environment (HTTPS_PROXY,
SSL_CERT_FILE), as for any application.
"""

import openai

import driver


def make_client(base_url, max_retries):
    return openai.OpenAI(
        api_key="sk-test-not-a-real-key", base_url=base_url, max_retries=max_retries, timeout=60.0
    )


def run(client, req):
    kwargs = driver.chat_args(req, "gpt-4o")
    if not req.get("stream"):
        resp = client.chat.completions.create(**kwargs)
        choice = resp.choices[0]
        return {
            "text": choice.message.content,
            "deltas": None,
            "model": resp.model,
            "finish_reason": choice.finish_reason,
            "system_fingerprint": resp.system_fingerprint,
        }
    deltas, model, finish, fingerprint = [], None, None, None
    for chunk in client.chat.completions.create(stream=True, **kwargs):
        model = chunk.model or model
        fingerprint = chunk.system_fingerprint or fingerprint
        for choice in chunk.choices:
            if choice.delta and choice.delta.content:
                deltas.append(choice.delta.content)
            finish = choice.finish_reason or finish
    return {
        "text": "".join(deltas),
        "deltas": deltas,
        "model": model,
        "finish_reason": finish,
        "system_fingerprint": fingerprint,
    }


if __name__ == "__main__":
    driver.main(openai, make_client, run)
