// Closures: a closure value and its captures (by reference, by move), and `info locals` /
// `info args` inside a closure's body.

//@ gdb-command: break gdb_closures.rs:22
//@ gdb-command: run
//@ gdb-command: info args
//@ gdb-command: info locals
//@ gdb-command: bt 2
//@ gdb-command: up
//@ gdb-command: print add
//@ gdb-command: print moved
//@ gdb-command: print nothing
//@ gdb-command: ptype add

fn main() {
    let offset = 10i32;
    let name = String::from("captured");
    let nothing = || 1u8;
    let moved = move |x: i32| x + name.len() as i32;
    let add = |x: i32, y: i32| {
        let sum = x + y + offset;
        sum * 2
    };
    let r = add(1, 2);
    std::hint::black_box((r, moved(1), nothing()));
}

//@ gdb-check: Breakpoint 1, gdb_closures::main::{closure#2} (x=1, y=2) at tests/gdb-programs/gdb_closures.rs:22
//@ gdb-check: x = 1
//@ gdb-check: y = 2
//@ gdb-check: sum = 13
//@ gdb-check: offset = 10
//@ gdb-check: #1  0xADDR in gdb_closures::main () at tests/gdb-programs/gdb_closures.rs:24
//@ gdb-check: $1 = gdb_closures::main::{closure_env#2} {_ref__offset: 0xADDR}
//@ gdb-check: $2 = gdb_closures::main::{closure_env#1} {name: "captured"}
//@ gdb-check: $3 = gdb_closures::main::{closure_env#0}
//@ gdb-check: type = struct gdb_closures::main::{closure_env#2} {
//@ gdb-check: _ref__offset: *mut i32,
