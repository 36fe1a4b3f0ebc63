//@ compile-flags: -Ctarget-feature=+cmpxchg16b
// 128-bit atomics (lock cmpxchg16b). std's AtomicU128 needs a std built with cmpxchg16b, so
// this goes through the atomic intrinsics directly, as AtomicU128 itself would.
#![feature(core_intrinsics)]
#![allow(internal_features)]
use std::intrinsics::{self, AtomicOrdering::*};
use std::sync::Arc;

#[repr(align(16))]
struct A(std::cell::UnsafeCell<u128>);
unsafe impl Sync for A {}

fn main() {
    let a = A(std::cell::UnsafeCell::new(1 << 100));
    let p = a.0.get();
    unsafe {
        intrinsics::atomic_store::<u128, { SeqCst }>(p, intrinsics::atomic_load::<u128, { Acquire }>(p) | 5);
        println!("{:#x}", intrinsics::atomic_load::<u128, { SeqCst }>(p));
        println!("{:#x}", intrinsics::atomic_xchg::<u128, { AcqRel }>(p, u128::MAX));
        println!("{:?}", intrinsics::atomic_cxchg::<u128, { SeqCst }, { Relaxed }>(p, u128::MAX, 7));
        println!("{:?}", intrinsics::atomic_cxchg::<u128, { SeqCst }, { Relaxed }>(p, 0, 9));
        let mut w = intrinsics::atomic_cxchgweak::<u128, { AcqRel }, { Acquire }>(p, 7, 8);
        while !w.1 {
            w = intrinsics::atomic_cxchgweak::<u128, { AcqRel }, { Acquire }>(p, 7, 8);
        }
        println!("{:?}", w);
        println!(
            "{} {} {} {}",
            intrinsics::atomic_xadd::<u128, u128, { SeqCst }>(p, 1 << 64),
            intrinsics::atomic_xsub::<u128, u128, { Release }>(p, 1),
            intrinsics::atomic_and::<u128, u128, { SeqCst }>(p, !0xf0),
            intrinsics::atomic_or::<u128, u128, { Acquire }>(p, 0xff00)
        );
        println!(
            "{} {} {} {:#x}",
            intrinsics::atomic_xor::<u128, u128, { SeqCst }>(p, 3),
            intrinsics::atomic_umax::<u128, { SeqCst }>(p, u128::MAX / 2),
            intrinsics::atomic_umin::<u128, { Relaxed }>(p, 12),
            intrinsics::atomic_load::<u128, { SeqCst }>(p)
        );
        let s = p as *mut i128;
        intrinsics::atomic_store::<i128, { SeqCst }>(s, -5);
        println!(
            "{} {} {}",
            intrinsics::atomic_min::<i128, { SeqCst }>(s, -100),
            intrinsics::atomic_max::<i128, { SeqCst }>(s, i128::MIN),
            intrinsics::atomic_load::<i128, { SeqCst }>(s)
        );
    }

    let shared = Arc::new(A(std::cell::UnsafeCell::new(0)));
    let hs: Vec<_> = (0..4)
        .map(|_| {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || {
                for _ in 0..10_000 {
                    unsafe { intrinsics::atomic_xadd::<u128, u128, { Relaxed }>(shared.0.get(), (1 << 64) + 1) };
                }
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    println!("{:#x}", unsafe { intrinsics::atomic_load::<u128, { SeqCst }>(shared.0.get()) });
}
