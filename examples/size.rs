fn main() {
    println!(
        "{}",
        std::mem::size_of::<zoom_user_update::UserUpdateBuilder>()
    );
}
