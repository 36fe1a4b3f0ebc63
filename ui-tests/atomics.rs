// Atomics of every width with every ordering: load/store, swap, fetch_{add,sub,and,or,xor,nand,
// max,min}, compare_exchange(_weak), fetch_update, AtomicBool, AtomicPtr; plus a contended counter.
use std::sync::atomic::*;
use std::sync::atomic::Ordering::*;
use std::sync::Arc;

macro_rules! exercise {
    ($($a:ident $t:ty),*) => {$({
        let a = <$a>::new(5);
        let mut log = Vec::new();
        for (lo, so) in [(Relaxed, Relaxed), (Acquire, Release), (SeqCst, SeqCst)] {
            a.store(10, so);
            log.push(a.load(lo) as i128);
        }
        for o in [Relaxed, Acquire, Release, AcqRel, SeqCst] {
            log.push(a.swap(7, o) as i128);
            log.push(a.fetch_add(3, o) as i128);
            log.push(a.fetch_sub(1, o) as i128);
            log.push(a.fetch_and(0b1101, o) as i128);
            log.push(a.fetch_or(0x80u8 as $t, o) as i128);
            log.push(a.fetch_xor(0b11, o) as i128);
            log.push(a.fetch_nand(0x7f, o) as i128);
            log.push(a.fetch_max(50, o) as i128);
            log.push(a.fetch_min(20, o) as i128);
        }
        for (s, f) in [(Relaxed, Relaxed), (Acquire, Acquire), (Release, Relaxed), (AcqRel, Acquire), (SeqCst, SeqCst)] {
            log.push(match a.compare_exchange(20, 21, s, f) { Ok(v) => v as i128, Err(v) => -1000 - v as i128 });
            log.push(match a.compare_exchange(99, 1, s, f) { Ok(v) => v as i128, Err(v) => -1000 - v as i128 });
            let mut cur = a.load(Relaxed);
            loop {
                match a.compare_exchange_weak(cur, cur.wrapping_add(2), s, f) { Ok(_) => break, Err(v) => cur = v }
            }
        }
        log.push(a.fetch_update(SeqCst, SeqCst, |x| Some(x.wrapping_mul(3))).unwrap() as i128);
        log.push(a.fetch_update(SeqCst, SeqCst, |_| None).unwrap_err() as i128);
        log.push(a.into_inner() as i128);
        println!("{}: {:?}", stringify!($a), log);
    })*};
}

fn main() {
    exercise!(AtomicU8 u8, AtomicI8 i8, AtomicU16 u16, AtomicI16 i16, AtomicU32 u32, AtomicI32 i32,
              AtomicU64 u64, AtomicI64 i64, AtomicUsize usize, AtomicIsize isize);
    let neg = AtomicI32::new(-5);
    println!("{} {} {}", neg.fetch_max(-10, SeqCst), neg.fetch_min(-10, SeqCst), neg.load(SeqCst));
    let un = AtomicU32::new(u32::MAX);
    println!("{} {}", un.fetch_add(2, SeqCst), un.fetch_max(0x8000_0000, SeqCst));
    let b = AtomicBool::new(false);
    println!("{} {} {} {} {}", b.swap(true, AcqRel), b.fetch_and(false, SeqCst), b.fetch_or(true, Relaxed), b.fetch_xor(true, Release), b.fetch_nand(true, SeqCst));
    println!("{:?} {}", b.compare_exchange(true, false, SeqCst, Relaxed), b.load(Acquire));
    let mut data = [1u32, 2, 3];
    let p = AtomicPtr::new(data.as_mut_ptr());
    let old = p.swap(unsafe { data.as_mut_ptr().add(2) }, SeqCst);
    println!("{} {}", unsafe { *old }, unsafe { *p.load(SeqCst) });
    let counter = Arc::new(AtomicU64::new(0));
    let max = Arc::new(AtomicI64::new(i64::MIN));
    let hs: Vec<_> = (0..4).map(|t| {
        let (c, m) = (counter.clone(), max.clone());
        std::thread::spawn(move || for i in 0..10000 { c.fetch_add(1, Relaxed); m.fetch_max(t * 10000 + i, AcqRel); })
    }).collect();
    for h in hs { h.join().unwrap(); }
    println!("{} {}", counter.load(SeqCst), max.load(SeqCst));
    let x = AtomicU16::new(0);
    println!("{:?}", x.compare_exchange(1, 2, SeqCst, SeqCst));
    println!("{}", std::mem::align_of::<AtomicU64>());
}
