// Box, Rc, Arc, Weak, Cell and RefCell through the pretty printers, and reference counts.

//@ gdb-command: break gdb_smart_ptrs.rs:31
//@ gdb-command: run
//@ gdb-command: print boxed
//@ gdb-command: print *boxed
//@ gdb-command: print boxed_str
//@ gdb-command: print rc
//@ gdb-command: print rc2
//@ gdb-command: print weak
//@ gdb-command: print arc
//@ gdb-command: print cell
//@ gdb-command: print refcell
//@ gdb-command: print shared

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

fn main() {
    let boxed = Box::new(42u32);
    let boxed_str: Box<str> = "boxed str".into();
    let rc = Rc::new(String::from("shared"));
    let rc2 = Rc::clone(&rc);
    let weak = Rc::downgrade(&rc);
    let arc = Arc::new(vec![1.5f64, 2.5]);
    let cell = Cell::new(3i16);
    let refcell = RefCell::new(vec![1u8]);
    let borrowed = refcell.borrow();
    let shared = Rc::new(RefCell::new(7i32));
    std::hint::black_box((&boxed, &boxed_str, &rc, &rc2, &weak, &arc, &cell, &borrowed, &shared));
}

//@ gdb-check: $1 = (*mut u32) 0xADDR
//@ gdb-check: $2 = 42
//@ gdb-check: $3 = alloc::boxed::Box<str, alloc::alloc::Global> [98, 111, 120, 101, 100, 32, 115, 116, 114]
//@ gdb-check: $4 = Rc(strong=2, weak=1) = {value = "shared", strong = 2, weak = 1}
//@ gdb-check: $5 = Rc(strong=2, weak=1) = {value = "shared", strong = 2, weak = 1}
//@ gdb-check: $6 = alloc::rc::Weak<alloc::string::String, alloc::alloc::Global> {ptr: core::ptr::non_null::NonNull<alloc::rc::RcInner<alloc::string::String>> {pointer: 0xADDR}, alloc: alloc::alloc::Global}
//@ gdb-check: $7 = Arc(strong=1, weak=0) = {value = Vec(size=2) = {1.5, 2.5}, strong = 1, weak = 0}
//@ gdb-check: $8 = Cell = {value = 3}
//@ gdb-check: $9 = RefCell(borrow=1) = {value = Vec(size=1) = {1}, borrow = 1}
//@ gdb-check: $10 = Rc(strong=1, weak=0) = {value = RefCell(borrow=0) = {value = 7, borrow = 0}, strong = 1, weak = 0}
