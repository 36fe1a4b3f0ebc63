// Trait objects: `&dyn Trait` and `Box<dyn Trait>`, what they point to, and a method of the
// trait reached through one (gdb names a trait impl's method by its impl block:
// `gdb_dyn::{impl#0}::area`). `set print symbol off`: with it on, gdb looks up the symbol of
// each vtable pointer it prints, and with either backend warns "pc 0x... in read in CU, but not
// in symtab".

//@ gdb-command: info functions gdb_dyn::.*area
//@ gdb-command: break gdb_dyn::{impl#0}::area
//@ gdb-command: run
//@ gdb-command: print *self
//@ gdb-command: bt 2
//@ gdb-command: up
//@ gdb-command: print *shape
//@ gdb-command: set print symbol off
//@ gdb-command: print shape
//@ gdb-command: print (*shape.vtable)[1]
//@ gdb-command: print *boxed
//@ gdb-command: print **boxed
//@ gdb-command: ptype shape
//@ gdb-command: ptype boxed

trait Shape {
    fn area(&self) -> f64;
}

struct Square {
    side: f64,
}

struct Circle {
    radius: f64,
}

impl Shape for Square {
    fn area(&self) -> f64 {
        self.side * self.side
    }
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        3.0 * self.radius * self.radius
    }
}

fn total(shape: &dyn Shape, boxed: &Box<dyn Shape>) -> f64 {
    shape.area() + boxed.area()
}

fn main() {
    let sq = Square { side: 2.0 };
    let boxed: Box<dyn Shape> = Box::new(Circle { radius: 1.0 });
    std::hint::black_box(total(&sq, &boxed));
}

//@ gdb-check: static fn gdb_dyn::{impl#0}::area(*mut gdb_dyn::Square) -> f64;
//@ gdb-check: static fn gdb_dyn::{impl#1}::area(*mut gdb_dyn::Circle) -> f64;
//@ gdb-check: Breakpoint 1, gdb_dyn::{impl#0}::area (self=0xADDR) at tests/gdb-programs/gdb_dyn.rs:36
//@ gdb-check: $1 = gdb_dyn::Square {side: 2}
//@ gdb-check: #1  0xADDR in gdb_dyn::total (shape=..., boxed=0xADDR) at tests/gdb-programs/gdb_dyn.rs:47
//@ gdb-check: $2 = gdb_dyn::Square {side: 2}
//@ gdb-check: $3 = &dyn gdb_dyn::Shape {pointer: 0xADDR, vtable: 0xADDR}
//@ gdb-check: $4 = 8
//@ gdb-check: $5 = alloc::boxed::Box<dyn gdb_dyn::Shape, alloc::alloc::Global> {pointer: 0xADDR, vtable: 0xADDR}
//@ gdb-check: $6 = gdb_dyn::Circle {radius: 1}
//@ gdb-check: type = struct &dyn gdb_dyn::Shape {
//@ gdb-check: pointer: *mut dyn gdb_dyn::Shape,
//@ gdb-check: vtable: *mut [usize; 4],
//@ gdb-check: type = *mut alloc::boxed::Box<dyn gdb_dyn::Shape, alloc::alloc::Global>
