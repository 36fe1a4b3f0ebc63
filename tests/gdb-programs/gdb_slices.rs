// Arrays, slices (shared and mutable) and string slices.

//@ gdb-command: break gdb_slices.rs:30
//@ gdb-command: run
//@ gdb-command: print arr
//@ gdb-command: print arr[2]
//@ gdb-command: print nested
//@ gdb-command: print empty
//@ gdb-command: print slice
//@ gdb-command: print slice[1]
//@ gdb-command: print *slice.data_ptr@slice.length
//@ gdb-command: print slice.length
//@ gdb-command: print tail
//@ gdb-command: print text
//@ gdb-command: print greek
//@ gdb-command: print bytes
//@ gdb-command: ptype slice
//@ gdb-command: ptype text

fn main() {
    let mut arr = [10u32, 20, 30, 40, 50];
    let nested = [[1i8, 2], [3, 4], [5, 6]];
    let empty: [u64; 0] = [];
    let tail = &mut arr[3..];
    tail[0] = 44;
    let slice: &[u32] = &arr[1..4];
    let text = "hello, gdb";
    let greek: &str = "αβγ";
    let bytes: &[u8] = b"raw\x01";
    std::hint::black_box((slice, nested, empty, text, greek, bytes));
}

//@ gdb-check: $1 = [10, 20, 30, 44, 50]
//@ gdb-check: $2 = 30
//@ gdb-check: $3 = [[1, 2], [3, 4], [5, 6]]
//@ gdb-check: $4 = []
//@ gdb-check: $5 = &[u32](size=3) = {20, 30, 44}
//@ gdb-check: $6 = 30
//@ gdb-check: $7 = [20, 30, 44]
//@ gdb-check: $8 = 3
//@ gdb-check: $9 = &mut [u32](size=2) = {44, 50}
//@ gdb-check: $10 = "hello, gdb"
//@ gdb-check: $11 = "αβγ"
//@ gdb-check: $12 = &[u8](size=4) = {114, 97, 119, 1}
//@ gdb-check: type = struct &[u32] {
//@ gdb-check: data_ptr: *mut u32,
//@ gdb-check: length: usize,
//@ gdb-check: type = struct &str {
//@ gdb-check: data_ptr: *mut u8,
