// gdb calling the program's functions: scalars, a struct by reference, a method, and a
// function without arguments; the value of each call.

//@ gdb-command: break gdb_call.rs:48
//@ gdb-command: run
//@ gdb-command: print gdb_call::add(2, 40)
//@ gdb-command: print gdb_call::negate(-7)
//@ gdb-command: print gdb_call::is_even(10)
//@ gdb-command: print gdb_call::answer()
//@ gdb-command: print gdb_call::area(&rect)
//@ gdb-command: print gdb_call::add(rect.w, rect.h)
//@ gdb-command: call gdb_call::answer()

struct Rect {
    w: u32,
    h: u32,
}

#[inline(never)]
fn add(a: u32, b: u32) -> u32 {
    a + b
}

#[inline(never)]
fn negate(x: i64) -> i64 {
    -x
}

#[inline(never)]
fn is_even(x: u8) -> bool {
    x % 2 == 0
}

#[inline(never)]
fn answer() -> i32 {
    42
}

#[inline(never)]
fn area(r: &Rect) -> u32 {
    r.w * r.h
}

fn main() {
    let rect = Rect { w: 6, h: 7 };
    // Referenced, so that each function is in the binary for gdb to call.
    let fns = (add as fn(u32, u32) -> u32, negate as fn(i64) -> i64, is_even as fn(u8) -> bool, answer as fn() -> i32);
    std::hint::black_box((&rect, fns, area(&rect)));
}

//@ gdb-check: $1 = 42
//@ gdb-check: $2 = 7
//@ gdb-check: $3 = true
//@ gdb-check: $4 = 42
//@ gdb-check: $5 = 42
//@ gdb-check: $6 = 13
//@ gdb-check: $7 = 42
