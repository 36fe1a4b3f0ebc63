// std::any: Any downcasts (ref, mut, Box, Rc), type_name, TypeId equality across generics,
// Any in collections, and Any + Send through thread results.
use std::any::{type_name, Any, TypeId};
use std::hint::black_box as bb;
use std::rc::Rc;

#[derive(Debug, PartialEq)]
struct Custom { x: i32 }

fn describe(v: &dyn Any) -> String {
    if let Some(i) = v.downcast_ref::<i32>() { format!("i32 {i}") }
    else if let Some(s) = v.downcast_ref::<String>() { format!("String {s:?}") }
    else if let Some(s) = v.downcast_ref::<&str>() { format!("&str {s:?}") }
    else if let Some(c) = v.downcast_ref::<Custom>() { format!("Custom {c:?}") }
    else { "unknown".to_string() }
}

fn same<A: 'static, B: 'static>() -> bool { TypeId::of::<A>() == TypeId::of::<B>() }

fn main() {
    let items: Vec<Box<dyn Any>> = vec![Box::new(5i32), Box::new(String::from("s")), Box::new("lit"), Box::new(Custom { x: -1 }), Box::new(2.5f64)];
    for i in &items { println!("{}", describe(i.as_ref())); }
    let mut b: Box<dyn Any> = Box::new(Custom { x: 10 });
    if let Some(c) = b.downcast_mut::<Custom>() { c.x += 5; }
    match b.downcast::<Custom>() { Ok(c) => println!("owned {:?}", c), Err(_) => println!("no") }
    let r: Rc<dyn Any> = Rc::new(bb(7u8));
    println!("{:?}", r.downcast::<u8>().map(|v| *v).ok());
    println!("{} {} {}", same::<u8, u8>(), same::<u8, i8>(), same::<Vec<u8>, Vec<u8>>());
    println!("{} {}", type_name::<Custom>().ends_with("Custom"), type_name::<Vec<Option<&str>>>());
    let h = std::thread::spawn(|| -> Box<dyn Any + Send> { Box::new(vec![1, 2, 3]) });
    let res = h.join().unwrap();
    println!("{:?}", res.downcast_ref::<Vec<i32>>());
    println!("{}", (&bb(3u64) as &dyn Any).is::<u64>());
}
