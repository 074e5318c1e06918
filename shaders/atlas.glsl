// Reading an item's image out of the atlas: shared by every shader that samples it (sprites, the
// selection halo, the hover), so the cell arithmetic and the alpha formula exist once. Included with
// #include "atlas.glsl" (see ShaderProgram.java); the STATE_* bits and ATLAS_MAX_LEVELS are #defines
// inserted from Java.
//
// Every level's pages are layers of one texture array (AtlasTextures.java): the coarse levels all
// there, the finer ones streamed within a GPU memory budget. The page table says, per level and
// page, which layer holds it (-1: not on the GPU); an item whose page at the wanted level is not
// there is drawn from the finest coarser level whose page is: never blank, never another item.

uniform sampler2DArray uAtlas;
uniform isampler2D uPageLayers;      // texel (page % uTableWidth, level * uTableRows + page / uTableWidth): the layer
uniform int uTableWidth;
uniform int uTableRows;              // rows of the table per level
uniform int uLevels;
uniform int uColumnsL[ATLAS_MAX_LEVELS];       // per level: its grid
uniform int uCellsPerPageL[ATLAS_MAX_LEVELS];
uniform float uCellL[ATLAS_MAX_LEVELS];        // per level: cell side in texels
uniform vec2 uLayerSize;             // a layer's size in texels (the largest page)
// The alpha mode: 0 luminance, 1 channel, 2 opaque (bundle/AlphaMode.java order). A program compiled
// with ALPHA_MODE defined has it as a constant (the bundle's), and the branches on it fold away: a
// software rasteriser would run every side for every pixel.
#ifdef ALPHA_MODE
#define ALPHA ALPHA_MODE
#else
uniform int uAlphaMode;
#define ALPHA uAlphaMode
#endif

// Where cell number 'cell' (see README, "Bundle format") is drawn from, wanting level 'level':
// (column, row, layer, level) at that level or the finest coarser one whose page is on the GPU. The
// coarsest level is always there. Items name their cell explicitly (the aCell attribute), so
// subsets drawn from index lists find the right one.
ivec4 residentCell(int cell, int level) {
    int l = clamp(level, 0, uLevels - 1);
    for (; l < uLevels - 1; l++) {
        int page = cell / uCellsPerPageL[l];
        int layer = texelFetch(uPageLayers, ivec2(page % uTableWidth, l * uTableRows + page / uTableWidth), 0).r;
        if (layer >= 0) break;
    }
    int page = cell / uCellsPerPageL[l];
    int layer = texelFetch(uPageLayers, ivec2(page % uTableWidth, l * uTableRows + page / uTableWidth), 0).r;
    int k = cell % uCellsPerPageL[l];
    return ivec4(k % uColumnsL[l], k / uColumnsL[l], max(layer, 0), l);
}

// The texel of 'cell' (from residentCell) at 'local' (0..1 across the cell, y down), half a texel
// inside the cell so linear filtering never reads a neighbouring one.
vec4 cellTexel(ivec4 cell, vec2 local) {
    float c = uCellL[cell.w];
    vec2 t = clamp(local * c, vec2(0.5), vec2(c - 0.5));
    return texture(uAtlas, vec3((vec2(cell.xy) * c + t) / uLayerSize, float(cell.z)));
}

// The texel of 'cell' under the fragment when the sprite is exactly one texel per pixel and on the
// pixel grid (EXACT): what cellTexel returns there, read without filtering. A cell drawn from a
// coarser level while its page streams in is not one texel per pixel: that one is filtered.
vec4 cellTexelExact(ivec4 cell, vec2 local, int wantedLevel) {
    if (cell.w != wantedLevel) return cellTexel(cell, local);
    float cf = uCellL[cell.w];
    int c = int(cf + 0.5);
    ivec2 t = clamp(ivec2(local * cf), ivec2(0), ivec2(c - 1));
    return texelFetch(uAtlas, ivec3(cell.xy * c + t, cell.z), 0);
}

// How much of the texel is image: the grey level (luminance), the PNG's alpha (channel), or 1.
float coverage(vec4 t) {
    return ALPHA == 0 ? dot(t.rgb, vec3(0.299, 0.587, 0.114)) : (ALPHA == 1 ? t.a : 1.0);
}
