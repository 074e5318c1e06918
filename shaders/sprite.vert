#version 330 core
// Point sprites: one vertex per item. The position is a weighted sum of the item's position in up
// to three layouts (see Transition.java); the size is one uniform for all items (SpriteSizing.java).
// Every draw indexes the per-item buffers by item (glDrawArrays over all items, glDrawElements over
// a list of item indices), so gl_VertexID is the item's index. Hidden items (STATE_HIDDEN: their
// label hidden, or not matched with "only matches") are moved outside the clip volume: neither drawn
// nor picked. Dimmed items (STATE_DIMMED) can be put behind the others (uDimmedBehind, uOnlyDimmed).
// Variant HALO: the point is the size of the ring the selection highlight draws around the sprite.
// Variant PLACED: the item's cell comes worked out per item (aPlace) instead of looked up here.
#include "atlas.glsl"
#include "colour.glsl"

layout(location = 0) in vec2 aPos0;
layout(location = 1) in vec2 aPos1;
layout(location = 2) in vec2 aPos2;
layout(location = 3) in int aCategory; // colouring by categories: the item's category
layout(location = 4) in int aCell;
layout(location = 5) in int aState;   // ItemStates bits
layout(location = 6) in float aValue;  // colouring by numbers: the item's number (ColourBy.MISSING_VALUE: none)
#ifdef PLACED
layout(location = 7) in ivec2 aPlace;  // where the item is drawn from at uLevel (CellPlaces.java): column | row << 16, layer | level << 16
#endif

uniform mat4 uWorldToClip;
uniform vec3 uWeights;
uniform float uPointSize;
#ifdef EXACT
uniform vec2 uTargetSize;      // the target's size in pixels: sprites are put on its pixel grid
#endif
uniform int uDepthOrder;       // 1: depth from the item's index, later items nearer (SpritePass.drawScene); 2: uDepth
uniform int uDimmedBehind;     // with uDepthOrder 1: the dimmed items behind every other (a search's matches in front)
uniform int uOnlyDimmed;       // 1: only the dimmed items are drawn, 2: only the others, 0: all (smooth alpha's two layers)
uniform float uDepth;          // with uDepthOrder 2: every point at this depth (the selection, in front of the scene)
uniform int uItemCount;
uniform int uLevel;            // the level wanted (items whose page is not on the GPU fall back to coarser ones)
#ifdef HALO
uniform float uHaloSize;       // the sprite and its ring, in pixels
#endif

flat out int vId;
flat out vec3 vTint;
flat out ivec4 vCell;          // column, row, layer and level of the item's cell (residentCell)
flat out int vState;

void main() {
    vId = gl_VertexID;
    vTint = itemTint(aCategory, aValue);
#ifdef PLACED
    vCell = ivec4(aPlace.x & 0xFFFF, aPlace.x >> 16, aPlace.y & 0xFFFF, aPlace.y >> 16);
#else
    vCell = residentCell(aCell, uLevel);
#endif
    vState = aState;
    bool dimmed = (aState & STATE_DIMMED) != 0;
    if ((aState & STATE_HIDDEN) != 0 || (uOnlyDimmed == 1 && !dimmed) || (uOnlyDimmed == 2 && dimmed)) {
        gl_Position = vec4(0.0, 0.0, 2.0, 1.0);   // beyond the far plane: clipped
        gl_PointSize = 1.0;
        return;
    }
    vec2 p = uWeights.x * aPos0 + uWeights.y * aPos1 + uWeights.z * aPos2;
    gl_Position = uWorldToClip * vec4(p, 0.0, 1.0);
#ifdef EXACT
    // The sprite's top-left corner on a pixel corner: every fragment centre is a texel centre.
    vec2 win = (gl_Position.xy * 0.5 + 0.5) * uTargetSize;
    vec2 corner = floor(win - 0.5 * uPointSize + 0.5);
    gl_Position.xy = (corner + 0.5 * uPointSize) / uTargetSize * 2.0 - 1.0;
#endif
    if (uDepthOrder == 1) {
        // Layered, the others' depths come after every dimmed item's, in twice as many steps (SpritePass.depthSteps).
        float order = float(gl_VertexID) + 1.0, steps = float(uItemCount) + 1.0;
        if (uDimmedBehind == 1) {
            steps += float(uItemCount);
            if (!dimmed) order += float(uItemCount);
        }
        gl_Position.z = 1.0 - 2.0 * order / steps;
    }
    else if (uDepthOrder == 2) gl_Position.z = uDepth;
#ifdef HALO
    gl_PointSize = uHaloSize;
#else
    gl_PointSize = uPointSize;
#endif
}
