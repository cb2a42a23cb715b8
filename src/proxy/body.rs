//! Body types: one boxed body type for everything the proxy sends, helpers to
//! build it, bounded collection of incoming bodies, and a channel-backed body for
//! responses rewritten while they stream (pseudonym restoration, translation).

use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body::{Body as HttpBody, Frame, SizeHint};
use http_body_util::{combinators::BoxBody, BodyExt, Empty, Full, Limited};
use tokio::sync::mpsc;

/// Errors inside bodies.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The body type of every request and response the proxy produces.
pub type Body = BoxBody<Bytes, BoxError>;

/// A complete body.
pub fn full(bytes: impl Into<Bytes>) -> Body {
    Full::new(bytes.into())
        .map_err(|never| match never {})
        .boxed()
}

/// An empty body.
pub fn empty() -> Body {
    Empty::<Bytes>::new()
        .map_err(|never| match never {})
        .boxed()
}

/// Pass an incoming body through unchanged.
pub fn stream<B>(body: B) -> Body
where
    B: HttpBody<Data = Bytes> + Send + Sync + 'static,
    B::Error: Into<BoxError>,
{
    body.map_err(Into::into).boxed()
}

/// Why a body could not be collected.
#[derive(Debug)]
pub enum CollectError {
    /// Over the limit.
    TooLarge,
    /// The client or upstream broke the stream.
    Io(BoxError),
}

/// Collect a body of at most `limit` bytes.
pub async fn collect_limited<B>(body: B, limit: usize) -> Result<Bytes, CollectError>
where
    B: HttpBody<Data = Bytes>,
    B::Error: Into<BoxError>,
{
    match Limited::new(body, limit).collect().await {
        Ok(c) => Ok(c.to_bytes()),
        Err(e)
            if e.downcast_ref::<http_body_util::LengthLimitError>()
                .is_some() =>
        {
            Err(CollectError::TooLarge)
        }
        Err(e) => Err(CollectError::Io(e)),
    }
}

/// A body fed by a channel: a task writes transformed chunks into the sender.
#[derive(Debug)]
pub struct ChannelBody {
    rx: mpsc::Receiver<Result<Bytes, BoxError>>,
}

/// Sender half of a [`ChannelBody`].
pub type BodySender = mpsc::Sender<Result<Bytes, BoxError>>;

/// A new channel body with room for `capacity` chunks in flight.
pub fn channel(capacity: usize) -> (BodySender, Body) {
    let (tx, rx) = mpsc::channel(capacity.max(1));
    (tx, ChannelBody { rx }.boxed())
}

impl HttpBody for ChannelBody {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        match self.rx.poll_recv(cx) {
            Poll::Ready(Some(Ok(b))) => Poll::Ready(Some(Ok(Frame::data(b)))),
            Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(e))),
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::default()
    }
}
