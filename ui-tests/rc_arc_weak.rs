// Rc, Arc, Weak: counts, upgrade after drop, cycles broken with Weak, Rc<RefCell>, make_mut
// (clone on write), try_unwrap, Arc across threads, Rc<dyn Trait>, Rc<[T]>, Rc<str>.
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::Arc;

#[derive(Debug)]
struct Node { val: u32, parent: RefCell<Weak<Node>>, children: RefCell<Vec<Rc<Node>>> }
impl Drop for Node { fn drop(&mut self) { println!("drop node {}", self.val); } }

trait Speak { fn speak(&self) -> String; }
struct Cat(u8);
impl Speak for Cat { fn speak(&self) -> String { format!("meow x{}", self.0) } }

fn main() {
    let a = Rc::new(5);
    let b = Rc::clone(&a);
    let w = Rc::downgrade(&a);
    println!("{} {} {:?}", Rc::strong_count(&a), Rc::weak_count(&a), w.upgrade());
    drop(a);
    drop(b);
    println!("{:?}", w.upgrade());
    let leaf = Rc::new(Node { val: 3, parent: RefCell::new(Weak::new()), children: RefCell::new(vec![]) });
    {
        let branch = Rc::new(Node { val: 5, parent: RefCell::new(Weak::new()), children: RefCell::new(vec![leaf.clone()]) });
        *leaf.parent.borrow_mut() = Rc::downgrade(&branch);
        println!("parent {:?}", leaf.parent.borrow().upgrade().map(|p| p.val));
        println!("counts {} {} {} {}", Rc::strong_count(&branch), Rc::weak_count(&branch), Rc::strong_count(&leaf), Rc::weak_count(&leaf));
        println!("children {:?}", branch.children.borrow().iter().map(|c| c.val).collect::<Vec<_>>());
    }
    println!("parent after {:?}", leaf.parent.borrow().upgrade().map(|p| p.val));
    let shared = Rc::new(RefCell::new(vec![1, 2]));
    let s2 = shared.clone();
    s2.borrow_mut().push(3);
    println!("{:?} {}", shared.borrow(), shared.try_borrow_mut().is_ok());
    let mut cow = Rc::new(String::from("orig"));
    let other = cow.clone();
    Rc::make_mut(&mut cow).push_str("+changed");
    println!("{cow} {other} {}", Rc::ptr_eq(&cow, &other));
    println!("{:?} {:?}", Rc::try_unwrap(other), Rc::try_unwrap(Rc::new(7)));
    let arc = Arc::new((0..100u64).collect::<Vec<_>>());
    let hs: Vec<_> = (0..4).map(|i| { let a = Arc::clone(&arc); std::thread::spawn(move || a.iter().skip(i * 25).take(25).sum::<u64>()) }).collect();
    println!("{:?}", hs.into_iter().map(|h| h.join().unwrap()).collect::<Vec<_>>());
    println!("{}", Arc::strong_count(&arc));
    let aw = Arc::downgrade(&arc);
    drop(arc);
    println!("{:?}", aw.upgrade().is_none());
    let d: Rc<dyn Speak> = Rc::new(Cat(2));
    println!("{}", d.speak());
    let sl: Rc<[u16]> = Rc::from(vec![4, 5, 6]);
    let st: Arc<str> = Arc::from("arc str");
    println!("{:?} {} {}", sl, st, st.len());
    let rc_cell = Rc::new(std::cell::Cell::new(1));
    let fs: Vec<Box<dyn Fn()>> = (0..3).map(|i| { let c = rc_cell.clone(); Box::new(move || c.set(c.get() * 10 + i)) as Box<dyn Fn()> }).collect();
    for f in &fs { f(); }
    println!("{} {}", rc_cell.get(), Rc::strong_count(&rc_cell));
    drop(leaf);
    println!("end");
}
