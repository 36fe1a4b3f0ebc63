// `next` and `step`: the lines gdb stops at, stepping into a call and out of it.

//@ gdb-command: break gdb_step.rs:21
//@ gdb-command: run
//@ gdb-command: next
//@ gdb-command: next
//@ gdb-command: step
//@ gdb-command: frame
//@ gdb-command: next
//@ gdb-command: next
//@ gdb-command: next
//@ gdb-command: next
//@ gdb-command: print total

fn add_twice(a: i32, b: i32) -> i32 {
    let once = a + b;
    once + b
}

fn main() {
    let mut total = 0;
    total += 1;
    total = add_twice(total, 10);
    for i in 0..2 {
        total += i;
    }
    std::hint::black_box(total);
}

//@ gdb-check: Breakpoint 1, gdb_step::main () at tests/gdb-programs/gdb_step.rs:21
//@ gdb-check: 22	    total += 1;
//@ gdb-check: 23	    total = add_twice(total, 10);
//@ gdb-check: gdb_step::add_twice (a=1, b=10) at tests/gdb-programs/gdb_step.rs:16
//@ gdb-check: #0  gdb_step::add_twice (a=1, b=10) at tests/gdb-programs/gdb_step.rs:16
//@ gdb-check: 17	    once + b
//@ gdb-check: 18	}
//@ gdb-check: gdb_step::main () at tests/gdb-programs/gdb_step.rs:24
//@ gdb-check: 25	        total += i;
//@ gdb-check: $1 = 21
