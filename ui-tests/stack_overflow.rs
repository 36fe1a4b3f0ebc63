//@ run-fail
//@ exit-status: 134
// Unbounded recursion with 100 KB frames must hit the guard page and be reported as a stack
// overflow (SIGSEGV handler prints the message, then aborts) rather than silently corrupting
// memory: this needs stack probes for frames larger than a page.
use std::hint::black_box as bb;

#[inline(never)]
fn rec(n: u64) -> u64 {
    let mut big = [0u8; 100_000];
    big[(n % 1000) as usize] = n as u8;
    bb(&mut big);
    if n == 0 { 0 } else { rec(n - 1) + big[bb(5)] as u64 }
}

fn main() {
    println!("deep but fine: {}", rec(bb(20)));
    let t = std::thread::Builder::new().stack_size(1 << 20).spawn(|| rec(bb(5))).unwrap();
    println!("in a 1 MiB thread: {}", t.join().unwrap());
    println!("now overflowing");
    println!("{}", rec(bb(1_000_000)));
}
