#version 330 core
// One quad (triangle strip of 4 vertices from gl_VertexID) over uRect (left, bottom, right, top in clip
// space), its texture coordinates running over uFrom (the same corners in the source texture, 0..1):
// a copy of that part of the texture, stretched to the quad. The coordinates are interpolated as they
// are, which lets a software rasteriser take its fast path for textured quads (ScaledCopyPass.java).
uniform vec4 uRect;
uniform vec4 uFrom;
out vec2 vUv;

void main() {
    vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);
    vUv = mix(uFrom.xy, uFrom.zw, corner);
    gl_Position = vec4(mix(uRect.xy, uRect.zw, corner), 0.0, 1.0);
}
