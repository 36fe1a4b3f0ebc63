//@ run-fail
//@ compile-flags: -Cdebuginfo=line-tables-only
//@ run-env: RUST_BACKTRACE=1
//@ opt-levels: 0 1 3
// A panic's backtrace with line tables: file:line:col of every frame, inlined frames included
// (closures, iterator adapters, a method of an inherent impl, a generic function).

struct Counter {
    limit: usize,
}

impl Counter {
    #[inline(never)]
    fn total(&self, values: &[u32]) -> u32 {
        (0..self.limit).map(|i| checked(values, i)).sum()
    }
}

#[inline(never)]
fn checked<T: Copy + std::ops::Add<Output = T>>(values: &[T], i: usize) -> T {
    values[i] + values[i]
}

fn main() {
    let values = vec![1, 2, 3];
    let limit = std::env::args().count() + 3;
    println!("start");
    println!("{}", Counter { limit }.total(&values));
}
