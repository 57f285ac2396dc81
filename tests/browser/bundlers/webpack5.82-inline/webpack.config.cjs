// The single-file variant (procurement-precheck/inline) has no top-level await: webpack 5.82
// with no extra line at all.
module.exports = {
  mode: 'production',
  entry: './src/main.js',
  output: { path: `${__dirname}/dist`, filename: 'main.js' },
};
