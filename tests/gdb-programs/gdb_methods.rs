// Methods of an inherent impl (taking `self`, `&self`, `&mut self`) and an associated function:
// breakpoints by `Type::method`, and `self` in `info args`.

//@ gdb-command: break gdb_methods::Counter::new
//@ gdb-command: break gdb_methods::Counter::add
//@ gdb-command: break gdb_methods::Counter::total
//@ gdb-command: break gdb_methods::Counter::into_parts
//@ gdb-command: run
//@ gdb-command: info args
//@ gdb-command: continue
//@ gdb-command: info args
//@ gdb-command: print *self
//@ gdb-command: print self.step
//@ gdb-command: continue
//@ gdb-command: print *self
//@ gdb-command: continue
//@ gdb-command: info args
//@ gdb-command: print self
//@ gdb-command: bt 1

struct Counter {
    count: u32,
    step: u32,
}

impl Counter {
    fn new(step: u32) -> Counter {
        Counter { count: 0, step }
    }

    fn add(&mut self) {
        self.count += self.step;
    }

    fn total(&self) -> u32 {
        self.count
    }

    fn into_parts(self) -> (u32, u32) {
        (self.count, self.step)
    }
}

fn main() {
    let mut c = Counter::new(4);
    c.add();
    std::hint::black_box(c.total());
    std::hint::black_box(c.into_parts());
}

//@ gdb-check: Breakpoint 1, gdb_methods::Counter::new (step=4) at tests/gdb-programs/gdb_methods.rs:29
//@ gdb-check: step = 4
//@ gdb-check: Breakpoint 2, gdb_methods::Counter::add (self=0xADDR) at tests/gdb-programs/gdb_methods.rs:32
//@ gdb-check: self = 0xADDR
//@ gdb-check: $1 = gdb_methods::Counter {count: 0, step: 4}
//@ gdb-check: $2 = 4
//@ gdb-check: Breakpoint 3, gdb_methods::Counter::total (self=0xADDR)
//@ gdb-check: $3 = gdb_methods::Counter {count: 4, step: 4}
//@ gdb-check: Breakpoint 4, gdb_methods::Counter::into_parts (self=...) at tests/gdb-programs/gdb_methods.rs:41
//@ gdb-check: self = gdb_methods::Counter {count: 4, step: 4}
//@ gdb-check: $4 = gdb_methods::Counter {count: 4, step: 4}
//@ gdb-check: #0  gdb_methods::Counter::into_parts (self=...)
