// Raw pointer arithmetic: offset_from, add/sub/offset, byte_add, wrapping_add, ptr comparisons,
// ptr::eq on slices, pointer casts between types, addr-free diffs on arrays of various strides.
use std::hint::black_box as bb;

#[derive(Clone, Copy)]
#[allow(dead_code)]
struct S { a: u64, b: u8 }

fn main() {
    let arr = [10u32, 20, 30, 40, 50, 60];
    let p = arr.as_ptr();
    unsafe {
        let q = p.add(bb(4));
        println!("{} {} {}", q.offset_from(p), p.offset_from(q), *q.sub(1));
        println!("{} {}", *p.offset(bb(2)), *q.offset(-3));
        println!("{}", q.byte_offset_from(p));
        let r = p.byte_add(8);
        println!("{} {}", *r, r.offset_from_unsigned(p));
        let w = p.wrapping_add(100).wrapping_sub(99);
        println!("{}", *w);
        println!("{} {} {}", p < q, q > r, p == q.sub(4));
        let ss = [S { a: 1, b: 2 }, S { a: 3, b: 4 }, S { a: 5, b: 6 }];
        let sp = ss.as_ptr();
        let end = sp.add(ss.len());
        println!("{} {}", end.offset_from(sp), (end as *const u8).offset_from(sp as *const u8));
        let mut cur = sp;
        let mut total = 0;
        while cur != end { total += (*cur).a; cur = cur.add(1); }
        println!("{total}");
        let bytes = p as *const u8;
        println!("{:?}", std::slice::from_raw_parts(bytes.add(4), 4));
        let s1 = &arr[1..3];
        let s2 = &arr[1..3];
        println!("{} {}", std::ptr::eq(s1, s2), std::ptr::eq(&arr[1..3], &arr[1..4]));
        let mid: *const u32 = &arr[3];
        println!("{}", mid.offset_from(arr.as_ptr()));
        let zst = [(); 5];
        println!("{}", zst.as_ptr().wrapping_add(3) == zst.as_ptr());
        let mut m = [0i16; 8];
        let mp = m.as_mut_ptr();
        for i in 0..8 { *mp.add(i) = (i as i16 - 4) * 3; }
        println!("{:?} {}", m, mp.add(7).offset_from(mp.add(2)));
        println!("{}", std::ptr::null::<u8>().is_null() && !p.is_null());
        let aligned = p.align_offset(4);
        println!("{}", aligned);
    }
}
