// Reading an item's image out of the atlas: shared by every shader that samples it (sprites, the
// selection halo, the hover), so the cell arithmetic and the alpha formula exist once. Included with
// #include "atlas.glsl" (see ShaderProgram.java); the STATE_* bits are #defines inserted from
// ItemStates.java.

uniform sampler2DArray uAtlas;
uniform float uCell;           // cell side in texels, at the sampled level
uniform vec2 uPageSize;        // page size in texels
uniform int uAlphaMode;        // 0 luminance, 1 channel, 2 opaque (bundle/AlphaMode.java order)
uniform int uColumns;          // the sampled level's grid
uniform int uCellsPerPage;

// Column, row and page of cell number 'cell' (see README, "Bundle format"). Items name their cell
// explicitly (the aCell attribute), so subsets drawn from index lists, and pages later streamed in,
// find the right one.
ivec3 atlasCell(int cell) {
    int k = cell % uCellsPerPage;
    return ivec3(k % uColumns, k / uColumns, cell / uCellsPerPage);
}

// The texel of 'cell' at 'local' (0..1 across the cell, y down), half a texel inside the cell so
// linear filtering never reads a neighbouring one.
vec4 cellTexel(ivec3 cell, vec2 local) {
    vec2 t = clamp(local * uCell, vec2(0.5), vec2(uCell - 0.5));
    return texture(uAtlas, vec3((vec2(cell.xy) * uCell + t) / uPageSize, float(cell.z)));
}

// How much of the texel is image: the grey level (luminance), the PNG's alpha (channel), or 1.
float coverage(vec4 t) {
    return uAlphaMode == 0 ? dot(t.rgb, vec3(0.299, 0.587, 0.114)) : (uAlphaMode == 1 ? t.a : 1.0);
}
