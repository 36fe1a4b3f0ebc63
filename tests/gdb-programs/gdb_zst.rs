// Zero-sized things: unit structs, the unit value, PhantomData, empty arrays, and a struct
// holding them next to real fields.

//@ gdb-command: break gdb_zst.rs:37
//@ gdb-command: run
//@ gdb-command: print marker
//@ gdb-command: print unit
//@ gdb-command: print phantom
//@ gdb-command: print none
//@ gdb-command: print holder
//@ gdb-command: print sizeof(holder)
//@ gdb-command: ptype marker
//@ gdb-command: ptype holder
//@ gdb-command: info locals

use std::marker::PhantomData;

#[derive(Clone, Copy)]
struct Marker;

struct Empty {}

struct Holder {
    before: u8,
    marker: Marker,
    phantom: PhantomData<String>,
    after: u16,
}

fn main() {
    let marker = Marker;
    let unit = ();
    let phantom: PhantomData<u32> = PhantomData;
    let none: [i32; 0] = [];
    let empty = Empty {};
    let holder = Holder { before: 1, marker, phantom: PhantomData, after: 2 };
    std::hint::black_box((&marker, &unit, &phantom, &none, &empty, &holder));
}

//@ gdb-check: $1 = gdb_zst::Marker
//@ gdb-check: $2 = ()
//@ gdb-check: $3 = core::marker::PhantomData<u32>
//@ gdb-check: $4 = []
//@ gdb-check: $5 = gdb_zst::Holder {before: 1, marker: gdb_zst::Marker, phantom: core::marker::PhantomData<alloc::string::String>, after: 2}
//@ gdb-check: $6 = 4
//@ gdb-check: type = struct gdb_zst::Marker
//@ gdb-check: type = struct gdb_zst::Holder {
//@ gdb-check: marker: gdb_zst::Marker,
//@ gdb-check: phantom: core::marker::PhantomData<alloc::string::String>,
//@ gdb-check: holder = gdb_zst::Holder {before: 1,
