//@ lto: fat thin
// A custom #[global_allocator] that counts calls and bytes around System, with Box, Vec growth,
// shrink, realloc through String, over-aligned allocations and alloc_zeroed.
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box as bb;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static DEALLOCS: AtomicUsize = AtomicUsize::new(0);
static REALLOCS: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        LIVE.fetch_add(l.size(), Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        DEALLOCS.fetch_add(1, Relaxed);
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        REALLOCS.fetch_add(1, Relaxed);
        LIVE.fetch_add(new, Relaxed);
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn snap() -> (usize, usize, usize, usize) { (ALLOCS.load(Relaxed), DEALLOCS.load(Relaxed), REALLOCS.load(Relaxed), LIVE.load(Relaxed)) }

#[repr(align(256))]
struct Aligned([u8; 3]);

fn main() {
    // The first println! allocates stdout's buffer; do it before taking the baseline.
    println!("start");
    let base = snap();
    let delta = |s: (usize, usize, usize, usize)| (s.0 - base.0, s.1 - base.1, s.2 - base.2, s.3 as isize - base.3 as isize);
    // black_box makes the allocations escape, so no opt level can elide them.
    let b = bb(Box::new([7u64; 16]));
    println!("box: {:?} sum {}", delta(snap()), b.iter().sum::<u64>());
    drop(b);
    println!("freed: {:?}", delta(snap()));
    let mut v: Vec<u32> = Vec::new();
    let mut caps = vec![];
    for i in 0..bb(1000) { v.push(i); if caps.last() != Some(&v.capacity()) { caps.push(v.capacity()); } }
    println!("caps {:?}", caps);
    v.truncate(10);
    v.shrink_to_fit();
    println!("shrunk cap {} {:?}", v.capacity(), &v[..]);
    drop(v);
    let mut s = String::with_capacity(4);
    for i in 0..20 { s.push_str(&i.to_string()); }
    println!("{s} {}", s.capacity() >= s.len());
    drop(s);
    let a = bb(Box::new(Aligned([1, 2, 3])));
    println!("aligned {} {:?}", (&*a as *const Aligned as usize) % 256, a.0);
    drop(a);
    unsafe {
        let l = Layout::from_size_align(1024, 64).unwrap();
        let p = std::alloc::alloc_zeroed(l);
        println!("zeroed {} {}", (0..1024).all(|i| *p.add(i) == 0), p as usize % 64);
        std::alloc::dealloc(p, l);
    }
    drop(caps);
    let s = snap();
    println!("live after all: {}", s.3 as isize - base.3 as isize);
    println!("balanced: {}", s.0 - base.0 == s.1 - base.1);
}
