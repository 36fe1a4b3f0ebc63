// Enums whose tag lives in a niche of their data: Option of a reference, of a Box, of a
// NonZero, of a bool, and an enum with a niche-filling variant.

//@ gdb-command: break gdb_niches.rs:42
//@ gdb-command: run
//@ gdb-command: print some_ref
//@ gdb-command: print none_ref
//@ gdb-command: print *some_ref.0
//@ gdb-command: print some_box
//@ gdb-command: print none_box
//@ gdb-command: print nonzero
//@ gdb-command: print zero
//@ gdb-command: print some_bool
//@ gdb-command: print none_bool
//@ gdb-command: print inner
//@ gdb-command: print outer
//@ gdb-command: print sizeof(some_ref)
//@ gdb-command: print sizeof(some_bool)

use std::num::NonZeroU32;

enum Inner {
    A(bool),
    B,
    C,
}

fn main() {
    let target = 17u64;
    let some_ref: Option<&u64> = Some(&target);
    let none_ref: Option<&u64> = None;
    let some_box: Option<Box<i32>> = Some(Box::new(-5));
    let none_box: Option<Box<i32>> = None;
    let nonzero = NonZeroU32::new(9);
    let zero = NonZeroU32::new(0);
    let some_bool = Some(true);
    let none_bool: Option<bool> = None;
    let inner = Inner::C;
    let outer = Some(Inner::A(false));
    let _ = Inner::B;
    std::hint::black_box((some_ref, none_ref, &some_box, &none_box, nonzero, zero));
    std::hint::black_box((some_bool, none_bool, &inner, &outer));
}

//@ gdb-check: $1 = core::option::Option<&u64>::Some(0xADDR)
//@ gdb-check: $2 = core::option::Option<&u64>::None
//@ gdb-check: $3 = 17
//@ gdb-check: $4 = core::option::Option<alloc::boxed::Box<i32, alloc::alloc::Global>>::Some(0xADDR)
//@ gdb-check: $5 = core::option::Option<alloc::boxed::Box<i32, alloc::alloc::Global>>::None
//@ gdb-check: $6 = core::option::Option<core::num::nonzero::NonZero<u32>>::Some(9)
//@ gdb-check: $7 = core::option::Option<core::num::nonzero::NonZero<u32>>::None
//@ gdb-check: $8 = core::option::Option<bool>::Some(true)
//@ gdb-check: $9 = core::option::Option<bool>::None
//@ gdb-check: $10 = gdb_niches::Inner::C
//@ gdb-check: $11 = core::option::Option<gdb_niches::Inner>::Some(gdb_niches::Inner::A(false))
//@ gdb-check: $12 = 8
//@ gdb-check: $13 = 1
