// Mutex, RwLock, Condvar (a bounded queue), Barrier, Once, OnceLock, LazyLock, with outputs that
// do not depend on scheduling.
use std::sync::*;
use std::thread;

static INIT: Once = Once::new();
static CONFIG: OnceLock<Vec<u32>> = OnceLock::new();
static LAZY: LazyLock<String> = LazyLock::new(|| "lazy".repeat(2));

fn main() {
    let m = Arc::new(Mutex::new(Vec::new()));
    let hs: Vec<_> = (0..4).map(|i| { let m = m.clone(); thread::spawn(move || for j in 0..50 { m.lock().unwrap().push(i * 100 + j); }) }).collect();
    for h in hs { h.join().unwrap(); }
    let mut v = m.lock().unwrap().clone();
    v.sort();
    println!("{} {} {:?}", v.len(), v.iter().sum::<i32>(), &v[..5]);

    let rw = Arc::new(RwLock::new(0u64));
    let writers: Vec<_> = (0..3).map(|_| { let rw = rw.clone(); thread::spawn(move || for _ in 0..1000 { *rw.write().unwrap() += 1; }) }).collect();
    for w in writers { w.join().unwrap(); }
    { let r1 = rw.read().unwrap(); let r2 = rw.read().unwrap(); println!("{} {}", *r1, *r2); }

    let pair = Arc::new((Mutex::new(std::collections::VecDeque::new()), Condvar::new()));
    let p2 = pair.clone();
    let consumer = thread::spawn(move || {
        let (lock, cv) = &*p2;
        let mut out = vec![];
        loop {
            let mut q = cv.wait_while(lock.lock().unwrap(), |q| q.is_empty()).unwrap();
            let x = q.pop_front().unwrap();
            cv.notify_all();
            if x < 0 { break out; }
            out.push(x);
        }
    });
    for x in (0..20).chain([-1]) {
        let (lock, cv) = &*pair;
        let mut q = cv.wait_while(lock.lock().unwrap(), |q| q.len() >= 2).unwrap();
        q.push_back(x);
        cv.notify_all();
    }
    println!("{:?}", consumer.join().unwrap());

    let barrier = Arc::new(Barrier::new(3));
    let hs: Vec<_> = (0..3).map(|i| { let b = barrier.clone(); thread::spawn(move || (i, b.wait().is_leader())) }).collect();
    let res: Vec<_> = hs.into_iter().map(|h| h.join().unwrap()).collect();
    println!("{} leaders", res.iter().filter(|r| r.1).count());

    let hs: Vec<_> = (0..4).map(|i| thread::spawn(move || {
        INIT.call_once(|| println!("init once"));
        CONFIG.get_or_init(|| vec![1, 2, 3]).len() + i
    })).collect();
    println!("{:?}", hs.into_iter().map(|h| h.join().unwrap()).collect::<Vec<_>>());
    println!("{} {:?} {}", INIT.is_completed(), CONFIG.get(), *LAZY);
    let mtx = Mutex::new(5);
    let r = std::panic::catch_unwind(|| { let _g = mtx.lock().unwrap(); panic!("poison"); });
    println!("{} {}", r.is_err(), mtx.is_poisoned());
    println!("{}", mtx.lock().unwrap_or_else(|e| e.into_inner()));
    println!("{:?}", Mutex::new(1).try_lock().map(|g| *g).ok());
}
