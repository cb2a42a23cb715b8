"""Drive the official `anthropic` SDK for tests/sdk.rs: messages, plain and streamed.

    python anthropic_client.py '{"base_url": "...", "requests": [{"prompt": "...", "stream": true}]}'

Spec and output: driver.py; answers carry "text", "deltas" (streams), "model" and
"finish_reason". Streams use the SDK's `messages.stream()` helper, which checks the event
sequence and accumulates the final message. Proxying and CA trust come from the environment
(HTTPS_PROXY, SSL_CERT_FILE), as for any application.
"""

import anthropic

import driver


def make_client(base_url, max_retries):
    return anthropic.Anthropic(
        api_key="sk-ant-test-not-a-real-key", base_url=base_url, max_retries=max_retries, timeout=60.0
    )


def text_of(message):
    return "".join(block.text for block in message.content if block.type == "text")


def run(client, req):
    kwargs = driver.chat_args(req, "claude-sonnet-4-5")
    if not req.get("stream"):
        msg = client.messages.create(**kwargs)
        return {"text": text_of(msg), "deltas": None, "model": msg.model, "finish_reason": msg.stop_reason}
    deltas = []
    with client.messages.stream(**kwargs) as stream:
        for text in stream.text_stream:
            deltas.append(text)
        msg = stream.get_final_message()
    # The accumulated message must agree with the deltas the application saw.
    if text_of(msg) != "".join(deltas):
        raise ValueError(f"final message {text_of(msg)!r} != deltas {deltas!r}")
    return {"text": text_of(msg), "deltas": deltas, "model": msg.model, "finish_reason": msg.stop_reason}


if __name__ == "__main__":
    driver.main(anthropic, make_client, run)
