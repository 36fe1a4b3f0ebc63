//@ lto: fat thin
// Threads and channels: mpsc (unbounded and sync_channel with rendezvous), multiple producers
// with results sorted, scoped threads borrowing locals, thread names, and join results.
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<(u32, u64)>();
    for id in 0..4 {
        let tx = tx.clone();
        thread::spawn(move || {
            let s: u64 = (0..=100_000u64).filter(|x| x % 4 == id as u64).sum();
            tx.send((id, s)).unwrap();
        });
    }
    drop(tx);
    let mut got: Vec<_> = rx.iter().collect();
    got.sort();
    println!("{got:?} total {}", got.iter().map(|g| g.1).sum::<u64>());

    let (stx, srx) = mpsc::sync_channel::<String>(0);
    let producer = thread::Builder::new().name("producer".into()).spawn(move || {
        for i in 0..5 { stx.send(format!("msg{i} from {}", thread::current().name().unwrap())).unwrap(); }
        "done"
    }).unwrap();
    for m in srx.iter() { println!("{m}"); }
    println!("{:?}", producer.join());

    let mut data = vec![1u64; 1000];
    let total = std::sync::atomic::AtomicU64::new(0);
    thread::scope(|s| {
        for (i, chunk) in data.chunks_mut(250).enumerate() {
            let total = &total;
            s.spawn(move || {
                for x in chunk.iter_mut() { *x *= i as u64 + 1; }
                total.fetch_add(chunk.iter().sum(), std::sync::atomic::Ordering::Relaxed);
            });
        }
    });
    println!("{} {:?}", total.into_inner(), &data[245..255]);

    let (tx, rx) = mpsc::channel();
    let pipeline = thread::spawn(move || {
        let mut acc = 0u64;
        while let Ok(v) = rx.recv() { acc = acc.wrapping_mul(31).wrapping_add(v); }
        acc
    });
    for v in 0..100u64 { tx.send(v).unwrap(); }
    drop(tx);
    println!("{}", pipeline.join().unwrap());
    let r = mpsc::channel::<u8>().1.try_recv();
    println!("{:?}", r);
    let hs: Vec<_> = (0..8).map(|i| thread::spawn(move || i * i)).collect();
    println!("{:?}", hs.into_iter().map(|h| h.join().unwrap()).collect::<Vec<_>>());
}
