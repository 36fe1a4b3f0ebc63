// Tuples, nested tuples and the unit tuple; `ptype` of a tuple.

//@ gdb-command: break gdb_tuples.rs:22
//@ gdb-command: run
//@ gdb-command: print pair
//@ gdb-command: print pair.0
//@ gdb-command: print pair.1
//@ gdb-command: print triple
//@ gdb-command: print nested
//@ gdb-command: print (nested.1).0
//@ gdb-command: print single
//@ gdb-command: print unit
//@ gdb-command: ptype triple
//@ gdb-command: ptype nested

fn main() {
    let pair = (7i32, 'x');
    let triple: (u8, f64, bool) = (255, 0.5, true);
    let nested = ((1u16, 2u16), (-3i64, "four"));
    let single = (99u8,);
    let unit = ();
    std::hint::black_box((pair, triple, nested, single, unit));
}

//@ gdb-check: $1 = (7, 120 'x')
//@ gdb-check: $2 = 7
//@ gdb-check: $3 = 120 'x'
//@ gdb-check: $4 = (255, 0.5, true)
//@ gdb-check: $5 = ((1, 2), (-3, "four"))
//@ gdb-check: $6 = -3
//@ gdb-check: $7 = (99)
//@ gdb-check: $8 = ()
//@ gdb-check: type = (u8, f64, bool)
//@ gdb-check: type = ((u16, u16), (i64, &str))
