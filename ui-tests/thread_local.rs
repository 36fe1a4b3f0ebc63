//@ lto: fat thin
// thread_local! with Cell, RefCell and a Drop type (destructors run at thread exit), const-init
// thread locals, and #[thread_local]-free access from several threads.
use std::cell::{Cell, RefCell};
use std::sync::mpsc;

struct Noisy(u32, mpsc::Sender<String>);
impl Drop for Noisy { fn drop(&mut self) { let _ = self.1.send(format!("dtor {}", self.0)); } }

thread_local! {
    static COUNT: Cell<u32> = const { Cell::new(0) };
    static LOG: RefCell<Vec<String>> = RefCell::new(Vec::new());
    static NOISY: RefCell<Option<Noisy>> = const { RefCell::new(None) };
    static BIG: RefCell<[u64; 64]> = RefCell::new([1; 64]);
}

fn work(id: u32) -> (u32, Vec<String>, u64) {
    for i in 0..id + 2 {
        COUNT.with(|c| c.set(c.get() + i));
        LOG.with(|l| l.borrow_mut().push(format!("{id}:{i}")));
    }
    BIG.with(|b| { let mut b = b.borrow_mut(); b[id as usize] = id as u64 * 100; });
    (COUNT.get(), LOG.with(|l| l.borrow().clone()), BIG.with(|b| b.borrow().iter().sum()))
}

fn main() {
    let (tx, rx) = mpsc::channel();
    let handles: Vec<_> = (0..3)
        .map(|id| {
            let tx = tx.clone();
            std::thread::spawn(move || {
                NOISY.with(|n| *n.borrow_mut() = Some(Noisy(id, tx)));
                work(id)
            })
        })
        .collect();
    drop(tx);
    for (i, h) in handles.into_iter().enumerate() { println!("thread {i}: {:?}", h.join().unwrap()); }
    let mut msgs: Vec<String> = rx.iter().collect();
    msgs.sort();
    println!("{msgs:?}");
    println!("main: {:?}", work(5));
    COUNT.set(99);
    println!("{}", COUNT.get());
    println!("{}", std::thread::spawn(|| COUNT.get()).join().unwrap());
}
