// Enums whose variants carry data (tuple, struct and unit variants), and Result; `ptype`.
// Not in an array: gdb 13.1 reads the elements after the first with the wrong variant's fields,
// then stops with an internal error, with either backend.

//@ gdb-command: break gdb_data_enums.rs:36
//@ gdb-command: run
//@ gdb-command: print circle
//@ gdb-command: print rect
//@ gdb-command: print empty
//@ gdb-command: print msg
//@ gdb-command: print ok
//@ gdb-command: print err
//@ gdb-command: ptype circle
//@ gdb-command: ptype ok

enum Shape {
    Circle(f64),
    Rect { w: u32, h: u32 },
    Empty,
}

enum Message {
    Move { x: i32, y: i32 },
    Write(&'static str),
    Quit,
}

fn main() {
    let circle = Shape::Circle(2.5);
    let rect = Shape::Rect { w: 3, h: 4 };
    let empty = Shape::Empty;
    let msg = Message::Move { x: -1, y: 1 };
    let ok: Result<u32, &str> = Ok(7);
    let err: Result<u32, &str> = Err("bad");
    let _ = (Message::Write("w"), Message::Quit);
    std::hint::black_box((&circle, &rect, &empty, &msg, ok, err));
}

//@ gdb-check: $1 = gdb_data_enums::Shape::Circle(2.5)
//@ gdb-check: $2 = gdb_data_enums::Shape::Rect{w: 3, h: 4}
//@ gdb-check: $3 = gdb_data_enums::Shape::Empty
//@ gdb-check: $4 = gdb_data_enums::Message::Move{x: -1, y: 1}
//@ gdb-check: $5 = core::result::Result<u32, &str>::Ok(7)
//@ gdb-check: $6 = core::result::Result<u32, &str>::Err("bad")
//@ gdb-check: type = enum gdb_data_enums::Shape {
//@ gdb-check: Circle(f64),
//@ gdb-check: Rect{w: u32, h: u32},
//@ gdb-check: Empty,
//@ gdb-check: type = enum core::result::Result<u32, &str> {
//@ gdb-check: Ok(u32),
//@ gdb-check: Err(&str),
