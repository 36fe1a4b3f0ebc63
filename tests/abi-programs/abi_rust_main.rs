// Calls every function of abi_rust_lib.rs; built with the other backend than the library.
use std::hint::black_box as b;

use abi_rust_lib::*;

fn main() {
    println!("{}", ints(b(1), -2, 3, -4, 1 << 100, -(1 << 90), 7, true, 'x'));
    println!("{:?}", floats(b(1.5), 2.5, -3.0, 0.5));
    println!("{:?} {:?}", pair(b(Pair { a: 1.25, b: -2.0 })), mixed(b(Mixed { x: 9, y: 0.75, z: 1000 })));
    println!("{:?}", large(b(Large { words: [1, 2, 3, 4, 1 << 62], tag: 'a' })));
    println!("{:?} {:?}", tuple(b((7, u64::MAX, 0.5))), arrays(b([1, 2, 3]), [10, 20, 30, 40]));
    println!("{:?} {:?}", option(b(Some(5)), Some(&6)), option(None, None));
    println!("{:?} {:?}", result(b(Ok("hello".into()))), result(Err(404)));
    println!("{:?} {:?} {:?}", shape(&Shape::Circle(3.7)), shape(&Shape::Rect { w: 3, h: 4 }), shape(&Shape::Empty));
    println!("{:?}", strings("a", vec![1, 2, 3], "b".into()));
    let mut m = [1u8, 2, 3];
    println!("{} {:?}", slices(&[1, -2, 300], &mut m), m);
    let k = 5;
    println!("{}", dynamic(&Dog("ruff"), &|x| x + k, Box::new(move |s| format!("{s}{k}"))));
    println!("{} {:?}", boxed().speak(3), unit_and_never(()));
    println!("{}", c_abi(Pair { a: 1.0, b: 2.0 }, Mixed { x: 1, y: 2.5, z: 3 }));
    println!("line {}", caller_line());
    std::panic::set_hook(Box::new(|info| println!("hook: {}", info.payload_as_str().unwrap_or("?"))));
    println!("{:?}", std::panic::catch_unwind(|| panics("caught")).is_err());
    println!("{:?}", std::panic::catch_unwind(|| c_unwind_panics()).is_err());
}
