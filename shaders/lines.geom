#version 330 core
// Widens each line to a quad uWidth pixels across (core GL draws only 1-px lines). A line with a hidden
// end (STATE_HIDDEN) is not drawn, as hidden sprites are not.
layout(lines) in;
layout(triangle_strip, max_vertices = 4) out;

flat in int vState[];

uniform vec2 uViewport;        // the target's size in pixels
uniform float uWidth;          // the line's width in pixels

out float vAcross;             // -1 .. 1 from one side of the line to the other

void main() {
    if (((vState[0] | vState[1]) & STATE_HIDDEN) != 0) return;
    vec2 a = gl_in[0].gl_Position.xy, b = gl_in[1].gl_Position.xy;   // orthographic: w = 1
    vec2 d = (b - a) * uViewport;
    float len = length(d);
    if (len < 1e-3) return;
    vec2 off = vec2(-d.y, d.x) / len * uWidth / uViewport;          // half the width, in clip units
    vAcross = -1.0; gl_Position = vec4(a - off, 0.0, 1.0); EmitVertex();
    vAcross = 1.0;  gl_Position = vec4(a + off, 0.0, 1.0); EmitVertex();
    vAcross = -1.0; gl_Position = vec4(b - off, 0.0, 1.0); EmitVertex();
    vAcross = 1.0;  gl_Position = vec4(b + off, 0.0, 1.0); EmitVertex();
    EndPrimitive();
}
