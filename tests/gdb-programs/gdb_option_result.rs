// Option and Result of owned types through the pretty printers, nested in each other and in a
// Vec.

//@ gdb-command: break gdb_option_result.rs:23
//@ gdb-command: run
//@ gdb-command: print some
//@ gdb-command: print none
//@ gdb-command: print some_string
//@ gdb-command: print ok
//@ gdb-command: print err
//@ gdb-command: print nested
//@ gdb-command: print list
//@ gdb-command: ptype some

fn main() {
    let some: Option<i32> = Some(5);
    let none: Option<i32> = None;
    let some_string = Some(String::from("inside"));
    let ok: Result<Vec<u8>, String> = Ok(vec![1, 2]);
    let err: Result<Vec<u8>, String> = Err(String::from("failed"));
    let nested: Option<Result<u8, ()>> = Some(Err(()));
    let list = vec![Some(1u16), None, Some(3)];
    std::hint::black_box((&some, &none, &some_string, &ok, &err, &nested, &list));
}

//@ gdb-check: $1 = core::option::Option<i32>::Some(5)
//@ gdb-check: $2 = core::option::Option<i32>::None
//@ gdb-check: $3 = core::option::Option<alloc::string::String>::Some("inside")
//@ gdb-check: $4 = core::result::Result<alloc::vec::Vec<u8, alloc::alloc::Global>, alloc::string::String>::Ok(Vec(size=2) = {1, 2})
//@ gdb-check: $5 = core::result::Result<alloc::vec::Vec<u8, alloc::alloc::Global>, alloc::string::String>::Err("failed")
//@ gdb-check: $6 = core::option::Option<core::result::Result<u8, ()>>::Some(core::result::Result<u8, ()>::Err(()))
//@ gdb-check: $7 = Vec(size=3) = {core::option::Option<u16>::Some(1), core::option::Option<u16>::None, core::option::Option<u16>::Some(3)}
//@ gdb-check: type = enum core::option::Option<i32> {
//@ gdb-check: None,
//@ gdb-check: Some(i32),
