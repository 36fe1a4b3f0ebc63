// Calls into libc through extern "C": abs, labs, strlen, memcmp, strtol, snprintf (variadic,
// with ints, doubles and strings), qsort and bsearch with Rust extern "C" callbacks.
use std::ffi::{c_char, c_int, c_long, c_void, CStr};
use std::hint::black_box as bb;

unsafe extern "C" {
    fn abs(x: c_int) -> c_int;
    fn labs(x: c_long) -> c_long;
    fn strlen(s: *const c_char) -> usize;
    fn memcmp(a: *const c_void, b: *const c_void, n: usize) -> c_int;
    fn strtol(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_long;
    fn snprintf(buf: *mut c_char, n: usize, fmt: *const c_char, ...) -> c_int;
    fn qsort(base: *mut c_void, n: usize, size: usize, cmp: extern "C" fn(*const c_void, *const c_void) -> c_int);
    fn bsearch(key: *const c_void, base: *const c_void, n: usize, size: usize, cmp: extern "C" fn(*const c_void, *const c_void) -> c_int) -> *mut c_void;
}

extern "C" fn cmp_i32(a: *const c_void, b: *const c_void) -> c_int {
    let (a, b) = unsafe { (*(a as *const i32), *(b as *const i32)) };
    a.cmp(&b) as c_int
}

#[derive(Debug, Clone, Copy)]
#[repr(C)]
struct Rec { key: u16, weight: f64 }
extern "C" fn cmp_rec_desc(a: *const c_void, b: *const c_void) -> c_int {
    let (a, b) = unsafe { (&*(a as *const Rec), &*(b as *const Rec)) };
    b.weight.partial_cmp(&a.weight).unwrap() as c_int
}

fn main() {
    unsafe {
        println!("{} {} {}", abs(bb(-42)), labs(bb(-1234567890123)), strlen(c"hello, world".as_ptr()));
        println!("{}", memcmp(b"abcd".as_ptr().cast(), b"abce".as_ptr().cast(), 4).signum());
        let mut end = std::ptr::null_mut();
        let s = c"  -0x1fZZ";
        let v = strtol(s.as_ptr(), &mut end, 16);
        println!("{} {:?}", v, CStr::from_ptr(end));
        let mut buf = [0 as c_char; 128];
        let n = snprintf(buf.as_mut_ptr(), buf.len(), c"%d|%5.2f|%s|%lld|%c|%x".as_ptr(), bb(-7 as c_int), bb(3.14159f64), c"str".as_ptr(), bb(1i64 << 40), b'Q' as c_int, 0xbeef as c_int);
        println!("{} {:?}", n, CStr::from_ptr(buf.as_ptr()));
        let mut xs: Vec<i32> = (0..50).map(|i| (i * 7919 % 101) - 50).collect();
        qsort(xs.as_mut_ptr().cast(), xs.len(), 4, cmp_i32);
        println!("{:?}", xs);
        let key = bb(22i32);
        let found = bsearch((&key as *const i32).cast(), xs.as_ptr().cast(), xs.len(), 4, cmp_i32);
        println!("{:?}", if found.is_null() { None } else { Some(((found as usize) - (xs.as_ptr() as usize)) / 4) });
        let mut recs: Vec<Rec> = (0..8).map(|k| Rec { key: k, weight: ((k * 37) % 11) as f64 + 0.5 }).collect();
        qsort(recs.as_mut_ptr().cast(), recs.len(), std::mem::size_of::<Rec>(), cmp_rec_desc);
        println!("{:?}", recs.iter().map(|r| (r.key, r.weight)).collect::<Vec<_>>());
    }
}
