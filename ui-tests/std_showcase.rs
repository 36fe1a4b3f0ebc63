//@ lto: fat thin
// One program that leans on much of std at once: collections, formatting, threads, channels,
// Mutex/RwLock/Condvar, Rc/Arc, thread locals, and panics caught by catch_unwind and by join.
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::panic;
use std::rc::Rc;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::thread;

thread_local! {
    static CALLS: Cell<u32> = const { Cell::new(0) };
    static LOG: RefCell<Vec<String>> = RefCell::new(Vec::new());
}

fn note(s: &str) {
    CALLS.with(|c| c.set(c.get() + 1));
    LOG.with(|l| l.borrow_mut().push(s.to_owned()));
}

fn main() {
    panic::set_hook(Box::new(|info| {
        let msg = info.payload().downcast_ref::<&str>().copied().unwrap_or("?");
        println!("hook: {msg}");
    }));

    // Collections.
    let mut words: HashMap<String, usize> = HashMap::new();
    for w in "the cat and the dog and the bird".split(' ') {
        *words.entry(w.to_owned()).or_default() += 1;
    }
    let sorted: BTreeMap<_, _> = words.iter().collect();
    println!("{sorted:?}");
    let set: HashSet<i32> = (0..100).filter(|x| x % 7 == 0).collect();
    let mut v: Vec<_> = set.into_iter().collect();
    v.sort_unstable();
    println!("{v:?}");
    let bset: BTreeSet<char> = "hello world".chars().collect();
    println!("{bset:?}");
    let mut dq: VecDeque<u8> = (1..=5).collect();
    dq.rotate_left(2);
    dq.push_front(0);
    println!("{dq:?} {:>10.3} {:<6}| {:+e}", 3.14159f64, "ab", 1500.0f32);

    // Threads and channels.
    let (tx, rx) = mpsc::channel();
    let handles: Vec<_> = (0..4u64)
        .map(|i| {
            let tx = tx.clone();
            thread::spawn(move || {
                note("worker");
                tx.send((i, (1..=1000 * (i + 1)).sum::<u64>())).unwrap();
                CALLS.with(|c| c.get())
            })
        })
        .collect();
    drop(tx);
    let calls: Vec<u32> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let mut results: Vec<_> = rx.iter().collect();
    results.sort();
    println!("{results:?} calls per thread {calls:?}");

    // Mutex, RwLock, Condvar.
    let pair = Arc::new((Mutex::new(0u32), Condvar::new()));
    let table = Arc::new(RwLock::new(Vec::<u32>::new()));
    let workers: Vec<_> = (0..3)
        .map(|i| {
            let pair = Arc::clone(&pair);
            let table = Arc::clone(&table);
            thread::spawn(move || {
                table.write().unwrap().push(i * 10);
                let (m, cv) = &*pair;
                *m.lock().unwrap() += 1;
                cv.notify_all();
            })
        })
        .collect();
    {
        let (m, cv) = &*pair;
        let mut done = m.lock().unwrap();
        while *done < 3 {
            done = cv.wait(done).unwrap();
        }
    }
    for w in workers {
        w.join().unwrap();
    }
    let mut t = table.read().unwrap().clone();
    t.sort();
    println!("table {t:?} strong={}", Arc::strong_count(&table));

    // Rc and weak references.
    let shared = Rc::new(RefCell::new(vec![1, 2, 3]));
    let other = Rc::clone(&shared);
    let weak = Rc::downgrade(&shared);
    other.borrow_mut().push(4);
    drop(other);
    println!("rc {:?} strong={} weak alive={}", shared.borrow(), Rc::strong_count(&shared), weak.upgrade().is_some());
    drop(shared);
    println!("weak alive after drop={}", weak.upgrade().is_some());

    // Panics: caught in place, and in a thread.
    let r = panic::catch_unwind(|| {
        note("about to panic");
        panic!("caught here");
    });
    println!("catch_unwind err={}", r.is_err());
    let joined = thread::spawn(|| -> u8 { panic!("in a thread") }).join();
    println!("thread join err={}", joined.is_err());
    note("end");
    println!("main thread calls={} log={:?}", CALLS.with(|c| c.get()), LOG.with(|l| l.borrow().clone()));
}
