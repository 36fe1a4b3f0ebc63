// async/await lowered to coroutines: a minimal single-threaded executor with a no-op waker,
// async fns awaiting each other, a hand-written Future that is pending a few times, async
// closures-free blocks capturing state, and join of several futures by polling in turn.
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

struct Noop;
impl Wake for Noop { fn wake(self: Arc<Self>) {} }

struct Yield { left: u32, log: &'static str }
impl Future for Yield {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        if self.left == 0 { return Poll::Ready(7); }
        println!("pending {} ({} left)", self.log, self.left);
        self.left -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

async fn leaf(x: u64) -> u64 { x * 2 }
async fn middle(x: u64) -> u64 {
    let a = leaf(x).await;
    let y = Yield { left: 2, log: "middle" }.await;
    let big = [a; 16];
    let b = leaf(a + y as u64).await;
    big.iter().sum::<u64>() + b
}
async fn top() -> String {
    let mut acc = Vec::new();
    for i in 0..3 { acc.push(middle(i).await); }
    format!("{acc:?}")
}

fn block_on<F: Future>(f: F) -> F::Output {
    let waker = Waker::from(Arc::new(Noop));
    let mut cx = Context::from_waker(&waker);
    let mut f = std::pin::pin!(f);
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) { println!("ready after {polls} polls"); return v; }
    }
}

fn main() {
    println!("{}", block_on(top()));
    let name = String::from("captured");
    let fut = async move { let n = Yield { left: 1, log: "block" }.await; format!("{name} {n}") };
    println!("{}", block_on(fut));
    let mut futs: Vec<Pin<Box<dyn Future<Output = u64>>>> = vec![Box::pin(middle(10)), Box::pin(async { 5 }), Box::pin(leaf(21))];
    let waker = Waker::from(Arc::new(Noop));
    let mut cx = Context::from_waker(&waker);
    let mut results = vec![None; futs.len()];
    while results.iter().any(Option::is_none) {
        for (i, f) in futs.iter_mut().enumerate() {
            if results[i].is_none() { if let Poll::Ready(v) = f.as_mut().poll(&mut cx) { results[i] = Some(v); } }
        }
    }
    println!("{results:?}");
    println!("{}", std::mem::size_of_val(&middle(1)) >= 16 * 8);
}
