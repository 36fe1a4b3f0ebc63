// References and raw pointers, and what they point to.

//@ gdb-command: break gdb_pointers.rs:27
//@ gdb-command: run
//@ gdb-command: print *r
//@ gdb-command: print *m
//@ gdb-command: print *p
//@ gdb-command: print *q
//@ gdb-command: print **rr
//@ gdb-command: print r
//@ gdb-command: print null
//@ gdb-command: ptype r
//@ gdb-command: ptype q
//@ gdb-command: print (*p).1

fn main() {
    let mut value = 41u16;
    let other = 7i64;
    let pair = (1u8, 2.5f32);
    let r: &i64 = &other;
    let rr = &r;
    let p: *const (u8, f32) = &pair;
    let null: *const u8 = std::ptr::null();
    let m: &mut u16 = &mut value;
    *m += 1;
    let q: *mut u16 = m as *mut u16;
    std::hint::black_box((r, rr, p, null, q));
}

//@ gdb-check: $1 = 7
//@ gdb-check: $2 = 42
//@ gdb-check: $3 = (1, 2.5)
//@ gdb-check: $4 = 42
//@ gdb-check: $5 = 7
//@ gdb-check: $6 = (*mut i64) 0xADDR
//@ gdb-check: $7 = (*mut u8) 0xADDR
//@ gdb-check: type = *mut i64
//@ gdb-check: type = *mut u16
//@ gdb-check: $8 = 2.5
