// Thread locals: a `#[thread_local]` static read by name in the main thread and in a spawned
// one (gdb finds each thread's copy through libthread_db). A `thread_local!`'s storage is named
// inside a closure of a const (`DEPTH::{constant#0}::{closure#1}::__RUST_STD_INTERNAL_VAL`),
// which gdb's Rust expressions cannot spell, so it is seen through an argument only.

//@ gdb-command: break gdb_thread_locals::observe
//@ gdb-command: run
//@ gdb-command: info args
//@ gdb-command: print gdb_thread_locals::COUNT
//@ gdb-command: continue
//@ gdb-command: info args
//@ gdb-command: print gdb_thread_locals::COUNT
//@ gdb-command: info variables -n ^gdb_thread_locals::COUNT$
//@ gdb-command: continue

#![feature(thread_local)]

use std::cell::Cell;

#[thread_local]
static COUNT: Cell<u64> = Cell::new(0);

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

fn observe(who: &str, depth: u32) {
    std::hint::black_box((who, depth));
}

fn main() {
    COUNT.set(11);
    DEPTH.with(|d| d.set(3));
    observe("main", DEPTH.with(|d| d.get()));
    std::thread::spawn(|| {
        COUNT.set(22);
        DEPTH.with(|d| d.set(5));
        observe("spawned", DEPTH.with(|d| d.get()));
    })
    .join()
    .unwrap();
}

//@ gdb-check: Breakpoint 1, gdb_thread_locals::observe (who="main", depth=3)
//@ gdb-check: who = "main"
//@ gdb-check: depth = 3
//@ gdb-check: $1 = Cell = {value = 11}
//@ gdb-check: [New Thread 0xADDR (LWP N)]
//@ gdb-check: Thread 2 "gdb_thread_loca" hit Breakpoint 1, gdb_thread_locals::observe (who="spawned", depth=5)
//@ gdb-check: who = "spawned"
//@ gdb-check: depth = 5
//@ gdb-check: $2 = Cell = {value = 22}
//@ gdb-check: 21:	static core::cell::Cell<u64>;
//@ gdb-check: [Inferior 1 (process N) exited normally]
