#version 330 core
// One screen-aligned quad (triangle strip of 4 vertices from gl_VertexID), for the enlarged hover
// sprite and its backing panel, for the overlay's cached layer (OverlayRenderer.java) and, with COPY, for
// stretched copies (ScaledCopyPass.java). uRect is (left, bottom, right, top) in clip space.
// With ITEM_CELL (the hover pass) it also finds where the item's image is in the atlas, once per
// vertex: the page-table look-ups and integer divisions cost tens of nanoseconds per pixel on a
// software rasteriser, which has no scalar unit to run them once per draw.
uniform vec4 uRect;
out vec2 vLocal;   // 0..1 across the quad, y down like gl_PointCoord
#ifdef COPY
// Texture coordinates running over uFrom (the same corners in the source texture, 0..1), interpolated as
// they are: that lets a software rasteriser take its fast path for textured quads.
uniform vec4 uFrom;
out vec2 vUv;
#endif
#ifdef ITEM_CELL
#include "atlas.glsl"
uniform int uItemCell;         // the item's cell number (as the sprites' aCell)
flat out ivec4 vCell;          // residentCell(uItemCell, 0)
#endif

void main() {
    vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);
    vLocal = vec2(corner.x, 1.0 - corner.y);
    gl_Position = vec4(mix(uRect.xy, uRect.zw, corner), 0.0, 1.0);
#ifdef COPY
    vUv = mix(uFrom.xy, uFrom.zw, corner);
#endif
#ifdef ITEM_CELL
    vCell = residentCell(uItemCell, 0);
#endif
}
