// fence and compiler_fence with every ordering, plus a message-passing pattern between threads
// that relies on Release/Acquire fences.
use std::sync::atomic::{compiler_fence, fence, AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

static mut DATA: [u64; 4] = [0; 4];

fn main() {
    for o in [Ordering::Acquire, Ordering::Release, Ordering::AcqRel, Ordering::SeqCst] {
        fence(o);
        compiler_fence(o);
    }
    let ready = Arc::new(AtomicBool::new(false));
    let r2 = ready.clone();
    let producer = std::thread::spawn(move || {
        unsafe { *(&raw mut DATA) = [1, 2, 3, 4]; }
        fence(Ordering::Release);
        r2.store(true, Ordering::Relaxed);
    });
    while !ready.load(Ordering::Relaxed) { std::hint::spin_loop(); }
    fence(Ordering::Acquire);
    println!("{:?}", unsafe { *(&raw const DATA) });
    producer.join().unwrap();
    let turn = Arc::new(AtomicUsize::new(0));
    let mut hs = vec![];
    for id in 0..3usize {
        let turn = turn.clone();
        hs.push(std::thread::spawn(move || {
            let mut seen = vec![];
            for round in 0..5 {
                while turn.load(Ordering::Acquire) != round * 3 + id { std::hint::spin_loop(); }
                seen.push(round * 3 + id);
                fence(Ordering::SeqCst);
                turn.store(round * 3 + id + 1, Ordering::Release);
            }
            seen
        }));
    }
    for h in hs { println!("{:?}", h.join().unwrap()); }
}
