//! Reading the site's content: walking files (`load`), front matter, and
//! building (`build`) the model (`model`, types only).

pub mod aliases;
pub mod assets;
pub mod build;
pub mod front_matter;
pub mod left_out;
pub mod load;
pub mod model;
mod tree;
