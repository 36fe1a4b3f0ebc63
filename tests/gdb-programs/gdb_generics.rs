// A generic function instantiated twice: a breakpoint by name on one instance (gdb spells it
// with its type arguments), a breakpoint by line on both; `ptype` inside each; a generic struct
// at two types.

//@ gdb-command: break gdb_generics::largest<f64>
//@ gdb-command: break gdb_generics.rs:37
//@ gdb-command: info breakpoints
//@ gdb-command: run
//@ gdb-command: info args
//@ gdb-command: print best
//@ gdb-command: ptype items
//@ gdb-command: ptype best
//@ gdb-command: continue
//@ gdb-command: print *items.data_ptr@items.length
//@ gdb-command: continue
//@ gdb-command: ptype best
//@ gdb-command: finish
//@ gdb-command: break gdb_generics.rs:45
//@ gdb-command: continue
//@ gdb-command: print wrapped_int
//@ gdb-command: print wrapped_str
//@ gdb-command: ptype wrapped_int
//@ gdb-command: ptype wrapped_str

struct Wrapper<T> {
    value: T,
    count: usize,
}

fn largest<T: PartialOrd + Copy>(items: &[T]) -> T {
    let mut best = items[0];
    for &item in items {
        if item > best {
            best = item;
        }
    }
    best
}

fn main() {
    let a = largest(&[3i32, 9, 2]);
    let b = largest(&[1.5f64, -2.0]);
    let wrapped_int = Wrapper { value: a, count: 1 };
    let wrapped_str = Wrapper { value: "text", count: 2 };
    std::hint::black_box((b, &wrapped_int, &wrapped_str));
}

//@ gdb-check: Breakpoint 2 at 0xADDR: gdb_generics.rs:37. (2 locations)
//@ gdb-check: in gdb_generics::largest<f64> at tests/gdb-programs/gdb_generics.rs:37
//@ gdb-check: in gdb_generics::largest<i32> at tests/gdb-programs/gdb_generics.rs:37
//@ gdb-check: Breakpoint 2.2, gdb_generics::largest<i32> (items=&[i32](size=3) = {...})
//@ gdb-check: items = &[i32](size=3) = {3, 9, 2}
//@ gdb-check: $1 = 9
//@ gdb-check: type = struct &[i32] {
//@ gdb-check: data_ptr: *mut i32,
//@ gdb-check: type = i32
//@ gdb-check: Breakpoint 1, gdb_generics::largest<f64> (items=&[f64](size=2) = {...}) at tests/gdb-programs/gdb_generics.rs:31
//@ gdb-check: $2 = [1.5, -2]
//@ gdb-check: Breakpoint 2.1, gdb_generics::largest<f64>
//@ gdb-check: type = f64
//@ gdb-check: Value returned is $3 = 1.5
//@ gdb-check: $4 = gdb_generics::Wrapper<i32> {value: 9, count: 1}
//@ gdb-check: $5 = gdb_generics::Wrapper<&str> {value: "text", count: 2}
//@ gdb-check: type = struct gdb_generics::Wrapper<i32> {
//@ gdb-check: value: i32,
//@ gdb-check: type = struct gdb_generics::Wrapper<&str> {
//@ gdb-check: value: &str,
