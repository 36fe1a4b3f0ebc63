// The string types: String, &String, &mut str, Box<str>, Cow, a char array; and the OS and C
// strings, which the pretty printers show as their fields.

//@ gdb-command: break gdb_strings.rs:35
//@ gdb-command: run
//@ gdb-command: print owned
//@ gdb-command: print *by_ref
//@ gdb-command: print by_ref.vec.len
//@ gdb-command: print mut_str
//@ gdb-command: print borrowed_cow
//@ gdb-command: print owned_cow
//@ gdb-command: print escapes
//@ gdb-command: print empty
//@ gdb-command: print chars
//@ gdb-command: print os
//@ gdb-command: print c_str
//@ gdb-command: ptype owned

use std::borrow::Cow;
use std::ffi::{CString, OsString};

fn main() {
    let owned = String::from("owned");
    let by_ref = &owned;
    let mut buf = String::from("MiXeD");
    let mut_str: &mut str = buf.as_mut_str();
    mut_str.make_ascii_lowercase();
    let borrowed_cow: Cow<str> = Cow::Borrowed("cow");
    let owned_cow: Cow<str> = Cow::Owned(String::from("moo"));
    let escapes = "tab\there \"quoted\" \\ newline\n";
    let empty = String::new();
    let chars = ['a', 'é', '字'];
    let os = OsString::from("os string");
    let c_str = CString::new("c string").unwrap();
    std::hint::black_box((by_ref, &mut_str, &borrowed_cow, &owned_cow, escapes, &empty, chars, &os, &c_str));
}

//@ gdb-check: $1 = "owned"
//@ gdb-check: $2 = "owned"
//@ gdb-check: $3 = 5
//@ gdb-check: $4 = "mixed"
//@ gdb-check: $5 = alloc::borrow::Cow<str>::Borrowed("cow")
//@ gdb-check: $6 = alloc::borrow::Cow<str>::Owned("moo")
//@ gdb-check: $7 = "tab\there \"quoted\" \\ newline\n"
//@ gdb-check: $8 = ""
//@ gdb-check: $9 = [97 'a', 233 '\xe9', 23383 '\u{005b57}']
//@ gdb-check: $10 = "os string"
//@ gdb-check: $11 = alloc::ffi::c_str::CString {inner: alloc::boxed::Box<[u8], alloc::alloc::Global> [99, 32, 115, 116, 114, 105, 110, 103, 0]}
//@ gdb-check: type = struct alloc::string::String {
//@ gdb-check: vec: alloc::vec::Vec<u8, alloc::alloc::Global>,
