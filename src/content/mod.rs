//! Reading the site's content: walking files (`load`), front matter, and
//! building (`build`) the model (`model`, types only).

pub mod assets;
pub mod build;
mod edition;
pub mod front_matter;
pub mod hash;
pub mod layers;
pub mod load;
pub mod model;
pub mod names;
mod tree;
pub mod values;
