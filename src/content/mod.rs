//! Reading the site's content: walking files (`load`), front matter
//! (`parse`, as each file is read), and building (`build`) the model
//! (`model`, types only).

pub mod aliases;
pub mod assets;
pub mod build;
mod edition;
pub mod file_types;
pub mod front_matter;
mod language_folders;
mod language_names;
pub mod layers;
pub mod left_out;
pub mod load;
mod message_path;
pub mod model;
pub mod names;
mod not_pages;
mod ordering;
pub mod orphans;
mod overlay;
pub mod parse;
pub mod published_paths;
pub mod published_size;
pub mod source;
pub mod static_dir;
mod titles;
mod tree;
pub mod values;
pub mod windows_names;
mod wordless_names;

pub use not_pages::{OtherFormat, other_format};
