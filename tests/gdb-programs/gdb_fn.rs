// A breakpoint by function name, the callee's arguments and locals, and `finish` with the value
// it returns.

//@ gdb-command: break gdb_fn::callee
//@ gdb-command: run
//@ gdb-command: info args
//@ gdb-command: next
//@ gdb-command: info locals
//@ gdb-command: finish
//@ gdb-command: next
//@ gdb-command: info locals

fn callee(x: i32, y: u64, flag: bool) -> i64 {
    let doubled = x as i64 * 2;
    let sum = doubled + y as i64;
    if flag { sum } else { -sum }
}

fn main() {
    let r = callee(21, 100, true);
    std::hint::black_box(r);
}

//@ gdb-check: Breakpoint 1, gdb_fn::callee (x=21, y=100, flag=true) at tests/gdb-programs/gdb_fn.rs:14
//@ gdb-check: x = 21
//@ gdb-check: y = 100
//@ gdb-check: flag = true
//@ gdb-check: 15	    let sum = doubled + y as i64;
//@ gdb-check: doubled = 42
//@ gdb-check: in gdb_fn::main () at tests/gdb-programs/gdb_fn.rs:20
//@ gdb-check: Value returned is $1 = 142
//@ gdb-check: r = 142
