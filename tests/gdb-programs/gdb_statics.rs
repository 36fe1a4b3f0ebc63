// Statics: plain, `static mut` (before and after a function changes it), an atomic, a string,
// an array and a struct in statics.

//@ gdb-command: break gdb_statics::bump
//@ gdb-command: run
//@ gdb-command: print gdb_statics::COUNTER
//@ gdb-command: print gdb_statics::GREETING
//@ gdb-command: print gdb_statics::TABLE
//@ gdb-command: print gdb_statics::HITS
//@ gdb-command: finish
//@ gdb-command: print gdb_statics::COUNTER
//@ gdb-command: print gdb_statics::HITS
//@ gdb-command: print gdb_statics::ORIGIN
//@ gdb-command: ptype gdb_statics::TABLE

use std::sync::atomic::{AtomicUsize, Ordering};

struct Origin {
    x: i32,
    y: i32,
}

static mut COUNTER: u32 = 40;
static GREETING: &str = "hi";
static TABLE: [u16; 3] = [1, 2, 3];
static HITS: AtomicUsize = AtomicUsize::new(0);
static ORIGIN: Origin = Origin { x: -1, y: 1 };

fn bump() -> u32 {
    HITS.fetch_add(1, Ordering::Relaxed);
    unsafe {
        COUNTER += 2;
        COUNTER
    }
}

fn main() {
    std::hint::black_box(bump());
    std::hint::black_box((GREETING, &TABLE, ORIGIN.x + ORIGIN.y));
}

//@ gdb-check: Breakpoint 1, gdb_statics::bump () at tests/gdb-programs/gdb_statics.rs:30
//@ gdb-check: $1 = 40
//@ gdb-check: $2 = "hi"
//@ gdb-check: $3 = [1, 2, 3]
//@ gdb-check: $4 = core::sync::atomic::Atomic<usize> {v: core::cell::UnsafeCell<core::sync::atomic::private::Align8<usize>> {value: core::sync::atomic::private::Align8<usize> (0)}}
//@ gdb-check: Value returned is $5 = 42
//@ gdb-check: $6 = 42
//@ gdb-check: $7 = core::sync::atomic::Atomic<usize> {v: core::cell::UnsafeCell<core::sync::atomic::private::Align8<usize>> {value: core::sync::atomic::private::Align8<usize> (1)}}
//@ gdb-check: $8 = gdb_statics::Origin {x: -1, y: 1}
//@ gdb-check: type = [u16; 3]
